package dev.annota.train;

import dev.annota.core.error.AnnotaException;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.infer.descriptor.ColorOrder;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.Resize;
import dev.annota.infer.descriptor.TensorType;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.Preprocessor;
import dev.annota.infer.image.RgbImage;
import dev.annota.train.augment.Augmenter;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.Sample;
import dev.annota.train.data.Split;
import dev.annota.train.data.Splits;
import dev.annota.train.head.Backbone;
import dev.annota.train.loop.EpochListener;
import dev.annota.train.loop.EpochStats;
import dev.annota.train.loop.Examples;
import dev.annota.train.loop.Fit;
import dev.annota.train.net.Layer;
import dev.annota.train.net.Networks;
import dev.annota.train.onnx.OnnxGraph;
import dev.annota.train.pkg.PackageWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The training use case: split, train (head or cnn), evaluate, and write a model package annota-infer runs. */
public final class Training {
    /** The ONNX output of every trained package: probabilities (softmax) or per-label scores (sigmoid). */
    public static final String OUTPUT = "annota_scores";

    private Training() {
    }

    public static TrainResult run(TrainConfig config, Dataset data, Path out, EpochListener listener) throws IOException {
        long start = System.nanoTime();
        if (data.labels().size() < 2 && !config.multiLabel()) {
            throw new AnnotaException(data.source() + ": training needs at least 2 classes, found " + data.labels().names());
        }
        boolean multi = config.multiLabel() || data.multiLabel();
        Dataset d = multi == data.multiLabel() ? data : new Dataset(data.source(), data.labels(), data.samples(), multi);
        Split split = Splits.trainValidationTest(d, config.validation(), config.test(), config.seed());
        Files.createDirectories(out);
        Model m = config.mode() == TrainMode.HEAD ? head(config, d, split) : cnn(config, d, split);
        try (Fit fit = newFit(config, d, m, split)) {
            List<EpochStats> history = fit.run(m.train, targets(d, split.train()), m.validation, targets(d, split.validation()), listener);
            double[][] pVal = fit.predict(m.validation);
            double[] thresholds = multi ? thresholds(pVal, targets(d, split.validation()), d.labels().size()) : null;
            Map<String, Double> val = metrics(d, pVal, targets(d, split.validation()), thresholds);
            Map<String, Double> test = Map.of();
            Object testDetail = null;
            if (split.test().length > 0) {
                double[][] pTest = fit.predict(m.test);
                test = metrics(d, pTest, targets(d, split.test()), thresholds);
                testDetail = detail(d, pTest, targets(d, split.test()), thresholds);
            }
            float[] shift = null;
            if (thresholds != null) {
                shift = new float[thresholds.length];
                for (int l = 0; l < shift.length; l++) {
                    double t = Math.min(1 - 1e-6, Math.max(1e-6, thresholds[l]));
                    shift[l] = (float) -Math.log(t / (1 - t));
                }
            }
            byte[] onnx = m.exporter.export(fit, shift);
            String weights = fit.weightsSha256();
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainResult result = new TrainResult(out, config.mode(), d.labels().names(), history, val, test, weights, seconds, m.note);
            PackageWriter.write(out, config, d, split, m.input.orElseThrow(), onnx, multi, thresholds, result, testDetail, m.backboneInfo);
            return result;
        }
    }

    /**
     * Trains on {@code split.train()} (early stopping on {@code split.validation()}) with the same loop as
     * {@link #run}, and returns the probabilities for {@code split.test()} without writing a package. With
     * {@code features}, head mode trains on those vectors (one per sample, e.g. stored embeddings or raw pixels)
     * instead of a backbone's.
     */
    public static HeldOut heldOut(TrainConfig config, Dataset data, Split split, Optional<float[][]> features, EpochListener listener)
            throws IOException {
        boolean multi = config.multiLabel() || data.multiLabel();
        Dataset d = multi == data.multiLabel() ? data : new Dataset(data.source(), data.labels(), data.samples(), multi);
        if (features.isPresent() && features.get().length != d.size()) {
            throw new IllegalArgumentException("expected one feature vector per sample (" + d.size() + "), got " + features.get().length);
        }
        Model m = features.isPresent() ? givenFeatures(config, d, split, features.get())
                : config.mode() == TrainMode.HEAD ? head(config, d, split) : cnn(config, d, split);
        try (Fit fit = newFit(config, d, m, split)) {
            List<EpochStats> history = fit.run(m.train, targets(d, split.train()), m.validation, targets(d, split.validation()), listener);
            double[][] pVal = fit.predict(m.validation);
            double[] thresholds = multi ? thresholds(pVal, targets(d, split.validation()), d.labels().size()) : null;
            double[][] pTest = split.test().length == 0 ? new double[0][] : fit.predict(m.test);
            return new HeldOut(history, metrics(d, pVal, targets(d, split.validation()), thresholds),
                    metrics(d, pTest, targets(d, split.test()), thresholds), pTest, thresholds == null ? new double[0] : thresholds);
        }
    }

    private static Fit newFit(TrainConfig config, Dataset d, Model m, Split split) {
        if (split.train().length < 2 || split.validation().length < 1) {
            throw new AnnotaException(d.source() + ": too few images (" + d.size() + ") for a training and a validation part");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(config.threads()));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        return new Fit(m.layers, m.train.shape(), d.labels().names(), d.multiLabel(),
                new Fit.Settings(config.epochs(), config.seed(), config.batchSize(), config.learningRate(), config.weightDecay(),
                        config.patience(), config.classWeighted(), !config.augment().isNone() && config.mode() == TrainMode.CNN),
                (split.train().length + config.batchSize() - 1) / config.batchSize());
    }

    /** What each mode hands to the common loop. */
    private record Model(List<Layer> layers, Examples train, Examples validation, Examples test, Optional<InputSpec> input,
            Exporter exporter, String note, Map<String, String> backboneInfo) {
    }

    private interface Exporter {
        byte[] export(Fit fit, float[] outputShift) throws IOException;
    }

    // ---- cnn ----

    /** The cnn input: stretch to S×S, RGB, (pixel/255 − 0.5)/0.5. */
    public static InputSpec cnnInput(int size) {
        return new InputSpec("input", Layout.NCHW, size, size, Resize.stretch(), ColorOrder.RGB, 1 / 255.0, false,
                new double[] {0.5, 0.5, 0.5}, new double[] {0.5, 0.5, 0.5}, TensorType.FP32);
    }

    private static Model cnn(TrainConfig c, Dataset d, Split split) throws IOException {
        int s = c.imageSize();
        InputSpec spec = cnnInput(s);
        Preprocessor pre = new Preprocessor(spec);
        RgbImage[] images = new RgbImage[d.size()];
        IntStream.range(0, d.size()).parallel().forEach(i -> {
            try {
                images[i] = Augmenter.resize(ImageDecoder.read(d.samples().get(i).file()), s, s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Augmenter aug = new Augmenter(c.augment());
        List<Layer> layers = Networks.smallCnn(s, d.labels().size(), (float) c.dropout());
        Exporter exporter = (fit, shift) -> {
            OnnxGraph g = new OnnxGraph().input("input", -1, 3, s, s);
            String logits = Networks.export(fit.layers(), fit.block(), g, "input", "cnn_", shift);
            finish(g, logits, d.labels().size(), c.multiLabel() || d.multiLabel());
            return g.model("annota-cnn");
        };
        return new Model(layers, imageExamples(images, split.train(), pre, aug), imageExamples(images, split.validation(), pre, aug),
                imageExamples(images, split.test(), pre, aug), Optional.of(spec), exporter, "", Map.of());
    }

    private static Examples imageExamples(RgbImage[] images, int[] indices, Preprocessor pre, Augmenter aug) {
        long[] shape = {3, pre.spec().height(), pre.spec().width()};
        return new Examples() {
            public int size() {
                return indices.length;
            }

            public long[] shape() {
                return shape;
            }

            public void write(int i, boolean augment, long seed, float[] dst, int offset) {
                RgbImage img = images[indices[i]];
                pre.write(augment ? aug.apply(img, new SplittableRandom(seed)) : img, dst, offset);
            }
        };
    }

    // ---- head ----

    private static Model head(TrainConfig c, Dataset d, Split split) throws IOException {
        Path backbonePath = c.backbone().orElseThrow(() -> new AnnotaException("mode head needs a backbone (--backbone PATH)"));
        Path cache = c.cacheDir().orElse(Path.of("annota-data", "cache", "embeddings"));
        float[][] features = new float[d.size()][];
        Backbone backbone;
        try (Backbone b = new Backbone(backbonePath, cache, c.threads())) {
            backbone = b;
            for (int i = 0; i < d.size(); i++) {
                features[i] = b.features(d.samples().get(i).file());
            }
        }
        int dim = features[0].length;
        boolean probabilities = Arrays.stream(features).allMatch(Training::looksLikeProbabilities);
        if (probabilities) {
            for (float[] f : features) {
                for (int k = 0; k < dim; k++) {
                    f[k] = (float) Math.log(f[k] + 1e-6);
                }
            }
        }
        Standardised st = standardise(features, split.train());
        float[] mean = st.mean();
        float[] std = st.std();
        List<Layer> layers = Networks.head(c.hidden(), d.labels().size(), (float) c.dropout());
        String tensor = backbone.tensor();
        Path modelFile = backbone.model().modelFile();
        Exporter exporter = (fit, shift) -> {
            OnnxGraph g = new OnnxGraph();
            g.node("Flatten", List.of(tensor), "annota_flat", "axis", 1);
            String x = "annota_flat";
            if (probabilities) {
                g.initializer("annota_eps", new long[] {1}, new float[] {1e-6f});
                g.node("Add", List.of(x, "annota_eps"), "annota_eps_added");
                g.node("Log", List.of("annota_eps_added"), "annota_log");
                x = "annota_log";
            }
            g.initializer("annota_mean", new long[] {1, dim}, mean);
            g.initializer("annota_std", new long[] {1, dim}, std);
            g.node("Sub", List.of(x, "annota_mean"), "annota_centred");
            g.node("Div", List.of("annota_centred", "annota_std"), "annota_features");
            String logits = Networks.export(fit.layers(), fit.block(), g, "annota_features", "annota_head_", shift);
            finish(g, logits, d.labels().size(), c.multiLabel() || d.multiLabel());
            return g.appendTo(Files.readAllBytes(modelFile));
        };
        String note = "head on the backbone's output tensor '" + tensor + "' (" + dim + " values"
                + (probabilities ? ", probabilities: log-transformed" : "") + "), standardised on the training part";
        Map<String, String> info = new LinkedHashMap<>();
        info.put("path", backbonePath.toAbsolutePath().toString());
        info.put("name", backbone.model().name());
        info.put("sha256", backbone.sha256());
        info.put("feature_tensor", tensor);
        info.put("dimension", Integer.toString(dim));
        info.put("feature_transform", probabilities ? "log(p + 1e-6), standardised" : "standardised");
        return new Model(layers, vectors(st.values(), split.train()), vectors(st.values(), split.validation()),
                vectors(st.values(), split.test()), Optional.of(backbone.model().descriptor().input()), exporter, note, info);
    }

    /** Head mode on vectors the caller computed: standardised on the training part; no package to export. */
    private static Model givenFeatures(TrainConfig c, Dataset d, Split split, float[][] features) {
        Standardised st = standardise(features, split.train());
        Exporter none = (fit, shift) -> {
            throw new IllegalStateException("a head on given features has no backbone to export with");
        };
        return new Model(Networks.head(c.hidden(), d.labels().size(), (float) c.dropout()), vectors(st.values(), split.train()),
                vectors(st.values(), split.validation()), vectors(st.values(), split.test()), Optional.empty(), none,
                "head on " + features[0].length + " given values per image, standardised on the training part", Map.of());
    }

    /** Vectors standardised with the training part's mean and standard deviation (new arrays). */
    private record Standardised(float[][] values, float[] mean, float[] std) {
    }

    private static Standardised standardise(float[][] features, int[] train) {
        int dim = features[0].length;
        float[] mean = new float[dim];
        float[] std = new float[dim];
        for (int i : train) {
            for (int k = 0; k < dim; k++) {
                mean[k] += features[i][k] / train.length;
            }
        }
        for (int i : train) {
            for (int k = 0; k < dim; k++) {
                double e = features[i][k] - mean[k];
                std[k] += e * e / train.length;
            }
        }
        for (int k = 0; k < dim; k++) {
            std[k] = (float) Math.max(1e-3, Math.sqrt(std[k]));
        }
        float[][] out = new float[features.length][dim];
        for (int i = 0; i < features.length; i++) {
            for (int k = 0; k < dim; k++) {
                out[i][k] = (features[i][k] - mean[k]) / std[k];
            }
        }
        return new Standardised(out, mean, std);
    }

    private static boolean looksLikeProbabilities(float[] f) {
        double sum = 0;
        for (float v : f) {
            if (v < 0 || v > 1) {
                return false;
            }
            sum += v;
        }
        return Math.abs(sum - 1) < 0.02;
    }

    private static Examples vectors(float[][] features, int[] indices) {
        long[] shape = {features[0].length};
        return new Examples() {
            public int size() {
                return indices.length;
            }

            public long[] shape() {
                return shape;
            }

            public void write(int i, boolean augment, long seed, float[] dst, int offset) {
                System.arraycopy(features[indices[i]], 0, dst, offset, features[indices[i]].length);
            }
        };
    }

    // ---- common ----

    private static void finish(OnnxGraph g, String logits, int classes, boolean multi) {
        if (multi) {
            g.node("Sigmoid", List.of(logits), OUTPUT);
        } else {
            g.node("Softmax", List.of(logits), OUTPUT, "axis", 1);
        }
        g.output(OUTPUT, -1, classes);
    }

    static List<int[]> targets(Dataset d, int[] indices) {
        List<int[]> t = new ArrayList<>(indices.length);
        for (int i : indices) {
            t.add(d.samples().get(i).labels());
        }
        return t;
    }

    /** Per label, the threshold on validation scores with the best F1 (0.5 where the label has no positives). */
    static double[] thresholds(double[][] p, List<int[]> targets, int labels) {
        double[] t = new double[labels];
        for (int l = 0; l < labels; l++) {
            final int label = l;
            boolean[] y = new boolean[p.length];
            int positives = 0;
            for (int i = 0; i < p.length; i++) {
                y[i] = Arrays.stream(targets.get(i)).anyMatch(x -> x == label);
                positives += y[i] ? 1 : 0;
            }
            t[l] = 0.5;
            if (positives == 0) {
                continue;
            }
            double bestF1 = -1;
            for (int c = 0; c < p.length; c++) {
                double cut = p[c][l];
                int tp = 0;
                int fp = 0;
                for (int i = 0; i < p.length; i++) {
                    if (p[i][l] >= cut) {
                        if (y[i]) {
                            tp++;
                        } else {
                            fp++;
                        }
                    }
                }
                double f1 = 2.0 * tp / (2.0 * tp + fp + (positives - tp));
                if (f1 > bestF1 + 1e-12 || Math.abs(f1 - bestF1) <= 1e-12 && Math.abs(cut - 0.5) < Math.abs(t[l] - 0.5)) {
                    bestF1 = f1;
                    t[l] = cut;
                }
            }
        }
        return t;
    }

    static Map<String, Double> metrics(Dataset d, double[][] p, List<int[]> targets, double[] thresholds) {
        if (p.length == 0) {
            return Map.of();
        }
        if (thresholds != null) {
            return MultiLabelMetrics.of(Fit.multiInput(d.labels().names(), p, targets, thresholds)).headline();
        }
        return SingleLabelMetrics.of(Fit.singleInput(d.labels().names(), p, targets, true)).headline();
    }

    /** The full annota-eval metrics object (for the package's metrics and the model card). */
    static Object detail(Dataset d, double[][] p, List<int[]> targets, double[] thresholds) {
        return thresholds != null
                ? MultiLabelMetrics.of(Fit.multiInput(d.labels().names(), p, targets, thresholds))
                : SingleLabelMetrics.of(Fit.singleInput(d.labels().names(), p, targets, true));
    }
}
