package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Detection;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.Prediction;
import dev.annota.infer.PredictionJson;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.SegmentMask;
import dev.annota.infer.descriptor.Postprocess;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code annota predict}: run an ONNX model on images and print classes, boxes or masks. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Run an ONNX model on images: classes with scores, or detections with boxes (x, y, w, h in",
                "original pixels), or masks.", "",
                "PATH is a model folder (with model.json, or a known model matched to a preset by its content or file",
                "name), an .onnx file, or a descriptor .json. See README, \"Models and inference\"."})
final class PredictCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "Model folder, .onnx file or model.json.")
    Path model;

    @Option(names = "--top", paramLabel = "K", description = "At most K results per image (default: the model's top_k).")
    Optional<Integer> top;

    @Option(names = "--threshold", paramLabel = "T", description = "Drop results scoring below T, 0-1 (default: the model's).")
    Optional<Double> threshold;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "ONNX Runtime threads per run (0: one per core).")
    int threads;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of text.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (JPEG, PNG, BMP, GIF, ...).")
    List<Path> images;

    @Override
    public Integer call() throws IOException {
        for (Path image : images) {
            if (!Files.isRegularFile(image)) {
                throw new NoSuchFileException(image.toString());
            }
        }
        ModelPackage pkg = ModelPackages.resolve(model);
        pkg = pkg.withPostprocess(overrides(pkg.descriptor().postprocess()));
        List<Prediction> results = new ArrayList<>();
        long start = System.nanoTime();
        try (Predictor predictor = Predictor.load(pkg, PredictorOptions.defaults().withIntraOpThreads(threads))) {
            for (Path image : images) {
                results.add(predictor.predict(image));
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<PredictionJson.Named> named = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                named.add(new PredictionJson.Named(images.get(i).toString(), results.get(i)));
            }
            ObjectNode root = PredictionJson.results(named, pkg.descriptor().task());
            out.println(Json.MAPPER.writeValueAsString(root));
            return 0;
        }
        for (int i = 0; i < images.size(); i++) {
            text(out, images.get(i).toString(), results.get(i));
        }
        out.printf(Locale.ROOT, "%s (%s): %d image(s) in %d ms, model load included%n", pkg.name(), pkg.source(), images.size(), ms);
        return 0;
    }

    private Postprocess overrides(Postprocess p) {
        if (top.isPresent()) {
            if (top.get() < 1) {
                throw ValidationException.of("--top", top.get(), "expected a positive number of results");
            }
            p = p.withTopK(top.get());
        }
        if (threshold.isPresent()) {
            double t = threshold.get();
            if (!(t >= 0 && t <= 1)) {
                throw ValidationException.of("--threshold", t, "expected a score from 0 to 1");
            }
            p = p.withScoreThreshold(t);
        }
        return p;
    }

    private static void text(PrintWriter out, String image, Prediction p) {
        out.printf(Locale.ROOT, "%s (%dx%d)%n", image, p.imageSize().width(), p.imageSize().height());
        for (ClassScore c : p.classes()) {
            out.printf(Locale.ROOT, "  %.4f  %s%n", c.score(), c.label().name());
        }
        for (Detection d : p.detections()) {
            PixelBox b = d.box();
            out.printf(Locale.ROOT, "  %.3f  %-16s x %.0f  y %.0f  w %.0f  h %.0f%n", d.score(), d.label().name(), b.x(), b.y(), b.width(), b.height());
        }
        for (SegmentMask m : p.masks()) {
            PixelBox b = m.box();
            out.printf(Locale.ROOT, "  %.3f  %-16s mask %.1f%% of the image, box x %.0f  y %.0f  w %.0f  h %.0f%n", m.score(),
                    m.label().name(), 100.0 * m.mask().area() / p.imageSize().pixels(), b.x(), b.y(), b.width(), b.height());
        }
        if (p.classes().isEmpty() && p.detections().isEmpty() && p.masks().isEmpty() && p.embedding().isEmpty()) {
            out.println("  (nothing above the threshold)");
        }
        p.embedding().ifPresent(e -> out.printf(Locale.ROOT, "  embedding of %d values%n", e.dimension()));
    }
}
