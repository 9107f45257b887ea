package dev.annota.eval.segmentation;

import dev.annota.core.error.ValidationException;

/**
 * Accumulates a confusion matrix over pairs of label maps (one class index per pixel, any layout as long as
 * both maps of a pair use the same), image by image, so no image needs to be kept. Pixels whose truth is the
 * ignore index are skipped. Not thread-safe; use one per thread and {@link #merge} them.
 */
public final class SemanticSegmentationEvaluator {
    private final int classes;
    private final int ignoreIndex;
    private final long[] matrix;

    /**
     * @param classes number of classes; labels are 0..classes-1
     * @param ignoreIndex truth label of pixels to skip (e.g. 255); any value outside 0..classes-1
     */
    public SemanticSegmentationEvaluator(int classes, int ignoreIndex) {
        if (classes < 1 || (long) classes * classes > Integer.MAX_VALUE) {
            throw ValidationException.of("classes", classes, "expected at least one class");
        }
        if (ignoreIndex >= 0 && ignoreIndex < classes) {
            throw ValidationException.of("ignoreIndex", ignoreIndex, "expected a value that is not a class (0.." + (classes - 1) + ")");
        }
        this.classes = classes;
        this.ignoreIndex = ignoreIndex;
        this.matrix = new long[classes * classes];
    }

    /** Adds one image: {@code truth[i]} and {@code predicted[i]} are the labels of pixel i. */
    public void add(int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw ValidationException.of("predicted", predicted.length + " pixels",
                    "expected as many pixels as the truth (" + truth.length + ")");
        }
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i];
            if (t == ignoreIndex) {
                continue;
            }
            int p = predicted[i];
            if (t < 0 || t >= classes) {
                throw ValidationException.of("truth[" + i + "]", t, "expected a class 0.." + (classes - 1) + " or the ignore index " + ignoreIndex);
            }
            if (p < 0 || p >= classes) {
                throw ValidationException.of("predicted[" + i + "]", p, "expected a class 0.." + (classes - 1));
            }
            matrix[t * classes + p]++;
        }
    }

    /** Adds another evaluator's counts (same classes and ignore index) to this one. */
    public void merge(SemanticSegmentationEvaluator other) {
        if (other.classes != classes || other.ignoreIndex != ignoreIndex) {
            throw ValidationException.of("other", other.classes + " classes",
                    "expected an evaluator with " + classes + " classes and ignore index " + ignoreIndex);
        }
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] += other.matrix[i];
        }
    }

    /** The scores of everything added so far. */
    public SemanticSegmentationScores scores() {
        long[][] m = new long[classes][classes];
        for (int t = 0; t < classes; t++) {
            System.arraycopy(matrix, t * classes, m[t], 0, classes);
        }
        return SemanticSegmentationScores.of(m);
    }
}
