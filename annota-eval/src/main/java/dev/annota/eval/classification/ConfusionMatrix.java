package dev.annota.eval.classification;

/**
 * Counts of (true class, predicted class) pairs: rows are true labels, columns predicted labels, in label order.
 * Holds its own copy of the counts.
 */
public record ConfusionMatrix(long[][] counts) {
    public ConfusionMatrix {
        int k = counts.length;
        long[][] copy = new long[k][];
        for (int i = 0; i < k; i++) {
            if (counts[i].length != k) {
                throw new IllegalArgumentException("a confusion matrix is square; row " + i + " has "
                        + counts[i].length + " columns, expected " + k);
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** Counts {@code yTrue[i], yPred[i]} pairs; both hold indices in {@code [0, classes)}. */
    public static ConfusionMatrix of(int[] yTrue, int[] yPred, int classes) {
        Checks.sameLength("y_true", yTrue.length, "y_pred", yPred.length);
        long[][] c = new long[classes][classes];
        for (int i = 0; i < yTrue.length; i++) {
            c[Checks.index("y_true", i, yTrue[i], classes)][Checks.index("y_pred", i, yPred[i], classes)]++;
        }
        return new ConfusionMatrix(c);
    }

    public int classes() {
        return counts.length;
    }

    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    public long get(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public long total() {
        long n = 0;
        for (long[] row : counts) {
            for (long v : row) {
                n += v;
            }
        }
        return n;
    }

    /** Row sums: how many samples truly belong to each class (the support). */
    public long[] trueCounts() {
        long[] s = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            for (long v : counts[i]) {
                s[i] += v;
            }
        }
        return s;
    }

    /** Column sums: how many samples were predicted as each class. */
    public long[] predictedCounts() {
        long[] s = new long[counts.length];
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                s[j] += row[j];
            }
        }
        return s;
    }

    /** The diagonal: correct predictions per class. */
    public long[] truePositives() {
        long[] d = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            d[i] = counts[i][i];
        }
        return d;
    }

    public long trace() {
        long t = 0;
        for (int i = 0; i < counts.length; i++) {
            t += counts[i][i];
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConfusionMatrix m && java.util.Arrays.deepEquals(counts, m.counts);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + java.util.Arrays.deepToString(counts);
    }
}
