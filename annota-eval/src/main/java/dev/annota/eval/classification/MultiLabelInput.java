package dev.annota.eval.classification;

import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Optional;

/**
 * Multi-label predictions: per sample, a true and a predicted 0/1 indicator per label (n × L) and, optionally,
 * an independent probability per label (n × L).
 */
public record MultiLabelInput(List<String> labels, boolean[][] yTrue, boolean[][] yPred,
                              Optional<double[][]> scores) {
    public MultiLabelInput {
        labels = List.copyOf(labels);
        if (labels.isEmpty()) {
            throw ValidationException.of("labels", "[]", "expected at least one label");
        }
        int n = yTrue.length, k = labels.size();
        Checks.nonEmpty("y_true", n);
        Checks.sameLength("y_true", n, "y_pred", yPred.length);
        yTrue = copy("y_true", yTrue, k);
        yPred = copy("y_pred", yPred, k);
        scores = scores.map(s -> {
            Checks.sameLength("y_true", n, "y_score", s.length);
            double[][] c = new double[n][];
            for (int i = 0; i < n; i++) {
                width("y_score", i, s[i].length, k);
                for (int j = 0; j < k; j++) {
                    Checks.probability("y_score[" + i + "][" + j + "]", s[i][j]);
                }
                c[i] = s[i].clone();
            }
            return c;
        });
    }

    public int size() {
        return yTrue.length;
    }

    public int labelCount() {
        return labels.size();
    }

    @Override
    public boolean[][] yTrue() {
        return copy("y_true", yTrue, labels.size());
    }

    @Override
    public boolean[][] yPred() {
        return copy("y_pred", yPred, labels.size());
    }

    /** The arrays without a copy, for the metrics in this package (never modified). */
    boolean[][] sharedTrue() {
        return yTrue;
    }

    boolean[][] sharedPred() {
        return yPred;
    }

    Optional<double[][]> sharedScores() {
        return scores;
    }

    /** The same predictions restricted to the given samples, in that order. */
    public MultiLabelInput subset(int[] samples) {
        boolean[][] t = new boolean[samples.length][], p = new boolean[samples.length][];
        double[][] s = scores.isPresent() ? new double[samples.length][] : null;
        for (int j = 0; j < samples.length; j++) {
            t[j] = yTrue[samples[j]];
            p[j] = yPred[samples[j]];
            if (s != null) {
                s[j] = scores.get()[samples[j]];
            }
        }
        return new MultiLabelInput(labels, t, p, Optional.ofNullable(s));
    }

    private static boolean[][] copy(String field, boolean[][] m, int k) {
        boolean[][] c = new boolean[m.length][];
        for (int i = 0; i < m.length; i++) {
            width(field, i, m[i].length, k);
            c[i] = m[i].clone();
        }
        return c;
    }

    private static void width(String field, int row, int width, int k) {
        if (width != k) {
            throw ValidationException.of(field + "[" + row + "]", width + " values", "expected one per label (" + k + ")");
        }
    }
}
