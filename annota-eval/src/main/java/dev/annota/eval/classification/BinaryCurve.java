package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import java.util.Arrays;

/**
 * Cumulative true and false positives at each distinct score threshold, highest score first (scikit-learn's
 * {@code _binary_clf_curve}): ties form one threshold. From it come the ROC curve and its area (trapezoidal,
 * scikit-learn's {@code drop_intermediate}) and the precision-recall curve and average precision (step
 * function Σ (Rₙ − Rₙ₋₁)·Pₙ, no interpolation).
 *
 * @param thresholds distinct scores, decreasing
 * @param tps        positives with a score ≥ the threshold
 * @param fps        negatives with a score ≥ the threshold
 */
public record BinaryCurve(double[] thresholds, double[] tps, double[] fps) {
    public BinaryCurve {
        thresholds = thresholds.clone();
        tps = tps.clone();
        fps = fps.clone();
    }

    /**
     * {@code positive[i]} says whether sample i is of the positive class; {@code score[i]} its score (not NaN).
     * The positives' and the negatives' scores are sorted apart (primitive sorts) and merged from the top, so
     * each distinct score becomes one threshold; the order of tied samples never matters.
     */
    public static BinaryCurve of(boolean[] positive, double[] score) {
        int n = score.length;
        Checks.sameLength("y_true", positive.length, "y_score", n);
        int np = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(score[i])) {
                throw dev.annota.core.error.ValidationException.of("y_score[" + i + "]", "NaN", "expected a number");
            }
            np += positive[i] ? 1 : 0;
        }
        double[] pos = new double[np], neg = new double[n - np];
        for (int i = 0, a = 0, b = 0; i < n; i++) {
            if (positive[i]) {
                pos[a++] = score[i];
            } else {
                neg[b++] = score[i];
            }
        }
        java.util.Arrays.sort(pos);
        java.util.Arrays.sort(neg);
        double[] th = new double[n], tp = new double[n], fp = new double[n];
        int m = 0, ip = pos.length - 1, in = neg.length - 1;
        double cumTp = 0, cumFp = 0;
        while (ip >= 0 || in >= 0) {
            double v = ip < 0 ? neg[in] : in < 0 ? pos[ip] : Math.max(pos[ip], neg[in]);
            while (ip >= 0 && pos[ip] == v) {
                cumTp++;
                ip--;
            }
            while (in >= 0 && neg[in] == v) {
                cumFp++;
                in--;
            }
            th[m] = v;
            tp[m] = cumTp;
            fp[m] = cumFp;
            m++;
        }
        return new BinaryCurve(Arrays.copyOf(th, m), Arrays.copyOf(tp, m), Arrays.copyOf(fp, m));
    }

    public long positives() {
        return tps.length == 0 ? 0 : (long) tps[tps.length - 1];
    }

    public long negatives() {
        return fps.length == 0 ? 0 : (long) fps[fps.length - 1];
    }

    /** Whether ROC AUC is defined: both classes present. */
    public boolean hasBothClasses() {
        return positives() > 0 && negatives() > 0;
    }

    /** ROC points from (0, 0), with collinear intermediate points dropped as scikit-learn does. */
    public Curve roc() {
        int m = tps.length;
        boolean[] keep = new boolean[m];
        for (int i = 0; i < m; i++) {
            keep[i] = i == 0 || i == m - 1
                    || fps[i - 1] - 2 * fps[i] + fps[i + 1] != 0 || tps[i - 1] - 2 * tps[i] + tps[i + 1] != 0;
        }
        int kept = 0;
        for (boolean k : keep) {
            kept += k ? 1 : 0;
        }
        double[] x = new double[kept + 1], y = new double[kept + 1];
        double fpMax = m == 0 ? 0 : fps[m - 1], tpMax = m == 0 ? 0 : tps[m - 1];
        int j = 1;
        for (int i = 0; i < m; i++) {
            if (keep[i]) {
                x[j] = fps[i] / fpMax;
                y[j] = tps[i] / tpMax;
                j++;
            }
        }
        return new Curve(x, y);
    }

    /** Area under the ROC curve (trapezoidal); NaN when only one class is present (undefined). */
    public double rocAuc() {
        if (!hasBothClasses()) {
            return Double.NaN;
        }
        Curve c = roc();
        double[] x = c.x(), y = c.y();
        double[] parts = new double[x.length - 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (x[i + 1] - x[i]) * (y[i + 1] + y[i]) / 2.0;
        }
        return NumpySum.sum(parts);
    }

    /**
     * Precision (y) against recall (x) at every threshold from the highest down, starting at recall 0 with
     * precision 1: scikit-learn 1.2.1's {@code precision_recall_curve} read in reverse (it no longer stops at
     * full recall).
     */
    public Curve precisionRecall() {
        int m = tps.length;
        long pos = positives();
        double[] r = new double[m + 1], p = new double[m + 1];
        r[0] = 0;
        p[0] = 1;
        for (int i = 0; i < m; i++) {
            double predicted = tps[i] + fps[i];
            p[i + 1] = predicted == 0 ? 0 : tps[i] / predicted;
            r[i + 1] = pos == 0 ? 1 : tps[i] / pos;
        }
        return new Curve(r, p);
    }

    /** scikit-learn's average precision; 0 when there are no positives. */
    public double averagePrecision() {
        if (positives() == 0) {
            return 0.0;
        }
        Curve c = precisionRecall();
        double[] r = c.x(), p = c.y();
        double[] parts = new double[r.length - 1];
        for (int i = 1; i < r.length; i++) {
            parts[parts.length - i] = (r[i] - r[i - 1]) * p[i];
        }
        return NumpySum.sum(parts);
    }

    /** A curve as parallel x and y coordinates, for charts. */
    public record Curve(double[] x, double[] y) {
        public Curve {
            if (x.length != y.length) {
                throw new IllegalArgumentException("x and y differ in length");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public double[] x() {
            return x.clone();
        }

        @Override
        public double[] y() {
            return y.clone();
        }
    }
}
