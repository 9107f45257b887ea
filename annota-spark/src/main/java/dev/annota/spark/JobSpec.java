package dev.annota.spark;

import dev.annota.core.error.ValidationException;
import java.io.Serializable;
import java.util.Objects;

/**
 * What every partition needs to run a job; shipped to the executors with the task.
 *
 * @param kind      prelabel, embed or eval
 * @param modelPath a model folder, {@code .onnx} file or {@code model.json}, readable at the same path on every
 *                  executor (a shared mount on a cluster)
 * @param baseDir   relative manifest paths are resolved against this folder (the manifest's)
 * @param batch     images per ONNX Runtime run within a partition
 * @param topK      classes (or detections) kept per image; 0 keeps the model's {@code top_k}
 * @param threshold results scoring below it are dropped; negative keeps the model's threshold
 * @param threads   ONNX Runtime threads per run; 1 by default, since Spark already runs one task per core
 */
public record JobSpec(JobKind kind, String modelPath, String baseDir, int batch, int topK, double threshold, int threads)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public JobSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modelPath, "modelPath");
        Objects.requireNonNull(baseDir, "baseDir");
        if (batch < 1 || batch > 1024) {
            throw ValidationException.of("--batch", batch, "expected 1 to 1024 images per run");
        }
        if (topK < 0) {
            throw ValidationException.of("--top", topK, "expected a positive number of results (0: the model's)");
        }
        if (threshold > 1) {
            throw ValidationException.of("--threshold", threshold, "expected a score from 0 to 1");
        }
        if (threads < 0) {
            throw ValidationException.of("--threads", threads, "expected 0 (one per core) or more threads");
        }
    }

    /** The defaults for {@code kind}: batches of 8, the model's top-k and threshold, one thread per task. */
    public static JobSpec of(JobKind kind, String modelPath, String baseDir) {
        return new JobSpec(kind, modelPath, baseDir, 8, 0, -1, 1);
    }

    public JobSpec withTopK(int k) {
        return new JobSpec(kind, modelPath, baseDir, batch, k, threshold, threads);
    }

    public JobSpec withThreshold(double t) {
        return new JobSpec(kind, modelPath, baseDir, batch, topK, t, threads);
    }

    public JobSpec withBatch(int b) {
        return new JobSpec(kind, modelPath, baseDir, b, topK, threshold, threads);
    }

    public JobSpec withThreads(int n) {
        return new JobSpec(kind, modelPath, baseDir, batch, topK, threshold, n);
    }
}
