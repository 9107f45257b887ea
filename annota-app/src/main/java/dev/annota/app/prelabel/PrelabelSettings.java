package dev.annota.app.prelabel;

import dev.annota.core.error.ValidationException;

/**
 * How a pre-labelling pipeline runs.
 *
 * @param decodeThreads producer threads that read, decode and preprocess images
 * @param queueImages   at most this many images decoded ahead of inference (bounds memory)
 * @param storeBatch    images whose suggestions are stored in one transaction
 * @param reducedDecode decode large images at reduced scale, never below the model's input size
 *                      ({@link dev.annota.infer.Predictor#prepareEncoded})
 */
public record PrelabelSettings(int decodeThreads, int queueImages, int storeBatch, boolean reducedDecode) {
    public PrelabelSettings {
        if (decodeThreads < 1 || decodeThreads > 64) {
            throw ValidationException.of("decode_threads", decodeThreads, "from 1 to 64 threads");
        }
        if (queueImages < 1) {
            throw ValidationException.of("queue_images", queueImages, "at least 1 image");
        }
        if (storeBatch < 1) {
            throw ValidationException.of("store_batch", storeBatch, "at least 1 image");
        }
    }

    /** Settings that decode at reduced scale where the model allows it. */
    public PrelabelSettings(int decodeThreads, int queueImages, int storeBatch) {
        this(decodeThreads, queueImages, storeBatch, true);
    }

    /** The same settings with reduced-scale decoding on or off. */
    public PrelabelSettings withReducedDecode(boolean on) {
        return new PrelabelSettings(decodeThreads, queueImages, storeBatch, on);
    }

    /** Half the cores decoding (ONNX Runtime takes the rest), 32 images ahead, 32 images per transaction. */
    public static PrelabelSettings defaults() {
        return new PrelabelSettings(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 32, 32);
    }
}
