package dev.annota.infer;

import dev.annota.core.error.ValidationException;

/**
 * How a {@link Predictor} runs.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one run; 0 lets it choose (one per core)
 * @param maxBatch       at most this many images in one run when the model's batch axis is dynamic
 */
public record PredictorOptions(int intraOpThreads, int maxBatch) {
    public PredictorOptions {
        if (intraOpThreads < 0) {
            throw ValidationException.of("intra_op_threads", intraOpThreads, "expected 0 (automatic) or more threads");
        }
        if (maxBatch < 1) {
            throw ValidationException.of("max_batch", maxBatch, "expected at least 1");
        }
    }

    public static PredictorOptions defaults() {
        return new PredictorOptions(0, 8);
    }

    public PredictorOptions withIntraOpThreads(int n) {
        return new PredictorOptions(n, maxBatch);
    }
}
