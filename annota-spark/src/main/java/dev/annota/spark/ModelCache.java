package dev.annota.spark;

import dev.annota.core.error.AnnotaException;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.embed.Embedder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The models of this JVM (a driver in local mode, or one executor), loaded once per model path and settings
 * and shared by every task that runs here: ONNX Runtime sessions are thread-safe, so the tasks of an executor's
 * cores run on one session. They live as long as the JVM (executors are short-lived processes; the native
 * sessions go with them).
 */
public final class ModelCache {
    private static final Map<String, Predictor> PREDICTORS = new ConcurrentHashMap<>();
    private static final Map<String, Embedder> EMBEDDERS = new ConcurrentHashMap<>();
    private static final AtomicInteger LOADS = new AtomicInteger();

    private ModelCache() {
    }

    /** The predictor for a prelabel or eval job, with the job's top-k and threshold. */
    public static Predictor predictor(JobSpec spec) {
        return PREDICTORS.computeIfAbsent(key(spec), k -> {
            LOADS.incrementAndGet();
            ModelPackage pkg = resolve(spec);
            return Predictor.load(pkg.withPostprocess(overrides(spec, pkg.descriptor().postprocess())), options(spec));
        });
    }

    /** The embedder for an embed job. */
    public static Embedder embedder(JobSpec spec) {
        return EMBEDDERS.computeIfAbsent(key(spec), k -> {
            LOADS.incrementAndGet();
            try {
                return Embedder.open(resolve(spec), options(spec));
            } catch (IOException e) {
                throw new UncheckedIOException(spec.modelPath() + ": " + e.getMessage(), e);
            }
        });
    }

    /** How many models this JVM has loaded (the tests check that a job loads its model once). */
    public static int loads() {
        return LOADS.get();
    }

    /** The package at the spec's model path, as {@link ModelPackages#resolve} finds it. */
    public static ModelPackage resolve(JobSpec spec) {
        try {
            return ModelPackages.resolve(Path.of(spec.modelPath()));
        } catch (IOException e) {
            throw new AnnotaException(spec.modelPath() + ": cannot read the model: " + e.getMessage(), e);
        }
    }

    static Postprocess overrides(JobSpec spec, Postprocess p) {
        Postprocess out = spec.topK() > 0 ? p.withTopK(spec.topK()) : p;
        return spec.threshold() >= 0 ? out.withScoreThreshold(spec.threshold()) : out;
    }

    private static PredictorOptions options(JobSpec spec) {
        return new PredictorOptions(spec.threads(), spec.batch());
    }

    private static String key(JobSpec spec) {
        return spec.kind() + "|" + spec.modelPath() + "|" + spec.topK() + "|" + spec.threshold() + "|" + spec.threads()
                + "|" + spec.batch();
    }
}
