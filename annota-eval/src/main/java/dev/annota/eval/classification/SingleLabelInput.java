package dev.annota.eval.classification;

import java.util.List;
import java.util.Optional;

/**
 * Single-label predictions (binary or multi-class): the label list, and per sample the true and predicted
 * label index and, optionally, a probability per label (rows of {@code scores}, in label order).
 *
 * <p>Binary scores given as P(class 1) are stored as rows {@code [1 − p, p]} ({@link #binary}); every metric
 * that scikit-learn computes from the 1-D form reads {@code p} back from column 1 unchanged.
 */
public record SingleLabelInput(List<String> labels, int[] yTrue, int[] yPred, Optional<double[][]> scores) {
    public SingleLabelInput {
        labels = List.copyOf(labels);
        if (labels.size() < 2) {
            throw dev.annota.core.error.ValidationException.of("labels", labels, "expected at least two labels");
        }
        Checks.nonEmpty("y_true", yTrue.length);
        Checks.sameLength("y_true", yTrue.length, "y_pred", yPred.length);
        int k = labels.size();
        int n = yTrue.length;
        for (int i = 0; i < n; i++) {
            Checks.index("y_true", i, yTrue[i], k);
            Checks.index("y_pred", i, yPred[i], k);
        }
        yTrue = yTrue.clone();
        yPred = yPred.clone();
        scores = scores.map(s -> copyScores(s, n, k));
    }

    /** Binary predictions with {@code p[i]} = P(label 1). */
    public static SingleLabelInput binary(List<String> labels, int[] yTrue, int[] yPred, double[] p) {
        double[][] rows = new double[p.length][];
        for (int i = 0; i < p.length; i++) {
            Checks.probability("y_score[" + i + "]", p[i]);
            rows[i] = new double[] {1 - p[i], p[i]};
        }
        return new SingleLabelInput(labels, yTrue, yPred, Optional.of(rows));
    }

    public int size() {
        return yTrue.length;
    }

    public int classes() {
        return labels.size();
    }

    public boolean isBinary() {
        return labels.size() == 2;
    }

    @Override
    public int[] yTrue() {
        return yTrue.clone();
    }

    @Override
    public int[] yPred() {
        return yPred.clone();
    }

    @Override
    public Optional<double[][]> scores() {
        return scores.map(s -> copyScores(s, s.length, labels.size()));
    }

    /** The score rows without a copy, for the metrics in this package (never modified). */
    Optional<double[][]> sharedScores() {
        return scores;
    }

    int trueAt(int i) {
        return yTrue[i];
    }

    int predAt(int i) {
        return yPred[i];
    }

    /** The same predictions restricted to the given samples, in that order. */
    public SingleLabelInput subset(int[] samples) {
        int[] t = new int[samples.length], p = new int[samples.length];
        double[][] s = scores.isPresent() ? new double[samples.length][] : null;
        for (int j = 0; j < samples.length; j++) {
            t[j] = yTrue[samples[j]];
            p[j] = yPred[samples[j]];
            if (s != null) {
                s[j] = scores.get()[samples[j]];
            }
        }
        return new SingleLabelInput(labels, t, p, Optional.ofNullable(s));
    }

    private static double[][] copyScores(double[][] s, int n, int k) {
        Checks.sameLength("y_true", n, "y_score", s.length);
        double[][] c = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            if (s[i].length != k) {
                throw dev.annota.core.error.ValidationException.of("y_score[" + i + "]", s[i].length + " values",
                        "expected one probability per label (" + k + ")");
            }
            for (int j = 0; j < k; j++) {
                Checks.probability("y_score[" + i + "][" + j + "]", s[i][j]);
            }
            c[i] = s[i].clone();
        }
        return c;
    }
}
