package dev.annota.infer.embed;

import dev.annota.core.error.AnnotaException;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.descriptor.LabelSource;
import dev.annota.infer.descriptor.ModelDescriptor;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Task;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.infer.onnx.GraphEdit;
import dev.annota.infer.onnx.OnnxGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Feature vectors of images from a model: an embedding model (descriptor task {@code embedding}; its output is
 * made a graph output when it is an intermediate tensor) or a classifier preset with an {@link EmbeddingTap}
 * (SqueezeNet 1.1, MobileNetV2-int8), whose pooled features are exposed by editing the ONNX graph in memory. The
 * vectors are L2-normalised for taps (and as the descriptor says otherwise), so a dot product is the cosine.
 * Thread-safe; close it to free the native session.
 */
public final class Embedder implements AutoCloseable {
    /** The name of the graph output a tap adds. */
    public static final String TAP_OUTPUT = "annota_embedding";

    private final String key;
    private final String source;
    private final Predictor predictor;

    private Embedder(String key, String source, Predictor predictor) {
        this.key = key;
        this.source = source;
        this.predictor = predictor;
    }

    /** Resolves {@code path} as {@link ModelPackages#resolve} does and opens it for embeddings. */
    public static Embedder open(Path path, PredictorOptions options) throws IOException {
        return open(ModelPackages.resolve(path), options);
    }

    /** Opens a resolved package: an embedding model, or a classifier preset that has a tap. */
    public static Embedder open(ModelPackage pkg, PredictorOptions options) throws IOException {
        ModelDescriptor d = pkg.descriptor();
        byte[] bytes = Files.readAllBytes(pkg.modelFile());
        if (d.task() == Task.EMBEDDING) {
            String out = ((OutputSpec.Embedding) d.output()).name();
            byte[] model = OnnxGraph.read(bytes).outputs().contains(out) ? bytes
                    : GraphEdit.exposeOutput(bytes, out, GraphEdit.Pooling.NONE, out);
            return new Embedder(d.name(), pkg.source() + ", output " + out, Predictor.load(pkg, options, model));
        }
        EmbeddingTap tap = EmbeddingTaps.forPreset(d.name()).orElseThrow(() -> new AnnotaException(d.name() + " (" + pkg.source()
                + "): not an embedding model and no feature tap is known for it (taps: "
                + String.join(", ", EmbeddingTaps.all().stream().map(t -> t.preset()).toList())
                + "); write a model.json with task \"embedding\" naming the feature tensor in output.name"));
        byte[] edited = GraphEdit.exposeOutput(bytes, tap.tensor(), tap.pooling(), TAP_OUTPUT);
        ModelDescriptor embed = new ModelDescriptor(tap.key(), Task.EMBEDDING, d.modelFile(), d.sha256(),
                new LabelSource.Inline(List.of()), d.input(), new OutputSpec.Embedding(TAP_OUTPUT, true), d.postprocess());
        ModelPackage tapped = new ModelPackage(embed, pkg.modelFile(), List.of(), pkg.source() + ", tensor " + tap.tensor()
                + " " + tap.pooling().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " pooled");
        return new Embedder(tap.key(), tapped.source(), Predictor.load(tapped, options, edited));
    }

    /** The embedding model's name, stored with every vector (e.g. {@code squeezenet1.1-embed}). */
    public String key() {
        return key;
    }

    /** Where the model and its features come from, for messages and provenance. */
    public String source() {
        return source;
    }

    /** Whether several images go into one run. */
    public boolean batches() {
        return predictor.batches();
    }

    /** One vector per image, in order. */
    public List<float[]> embed(List<RgbImage> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (Prediction p : predictor.predictAll(images)) {
            out.add(p.embedding().orElseThrow(() -> new AnnotaException(key + ": the model gave no embedding")).vector());
        }
        return out;
    }

    /** The vector of an image file (upright by its EXIF orientation). */
    public float[] embed(Path file) throws IOException {
        return embed(List.of(ImageDecoder.read(file))).get(0);
    }

    @Override
    public void close() {
        predictor.close();
    }
}
