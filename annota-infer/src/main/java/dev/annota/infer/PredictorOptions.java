package dev.annota.infer;

import dev.annota.core.error.ValidationException;

/**
 * How a {@link Predictor} runs.
 *
 * @param intraOpThreads threads ONNX Runtime uses inside one run; 0 lets it choose (one per core)
 * @param maxBatch       at most this many images in one run when the model's batch axis is dynamic
 * @param spinWait       whether ONNX Runtime's threads spin while waiting for work (its default): fastest when
 *                       the cores are otherwise idle, but the spinning takes cycles from threads that share them
 *                       (a pre-labelling job's decoders)
 */
public record PredictorOptions(int intraOpThreads, int maxBatch, boolean spinWait) {
    public PredictorOptions {
        if (intraOpThreads < 0) {
            throw ValidationException.of("intra_op_threads", intraOpThreads, "expected 0 (automatic) or more threads");
        }
        if (maxBatch < 1) {
            throw ValidationException.of("max_batch", maxBatch, "expected at least 1");
        }
    }

    /** Options with ONNX Runtime's default spinning. */
    public PredictorOptions(int intraOpThreads, int maxBatch) {
        this(intraOpThreads, maxBatch, true);
    }

    public static PredictorOptions defaults() {
        return new PredictorOptions(0, 8);
    }

    public PredictorOptions withIntraOpThreads(int n) {
        return new PredictorOptions(n, maxBatch, spinWait);
    }

    public PredictorOptions withSpinWait(boolean spin) {
        return new PredictorOptions(intraOpThreads, maxBatch, spin);
    }
}
