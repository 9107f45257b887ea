package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import java.util.ArrayList;
import java.util.List;

/**
 * ROC AUC and average precision over several classes or labels, each one-vs-rest on a 0/1 indicator matrix
 * (scikit-learn's {@code _average_binary_score}): per class, macro (unweighted mean), weighted (by the number
 * of positives) and micro (all (sample, class) cells pooled).
 *
 * <p>A class with no positives (or, for ROC, no negatives) has an undefined ROC AUC: it is reported as NaN and
 * left out of the macro and weighted means (scikit-learn raises instead). Its average precision is 0, as in
 * scikit-learn, and it counts in the macro mean.
 */
public final class RankingScores {
    private RankingScores() {
    }

    /** The one-vs-rest curve of each column. */
    public static List<BinaryCurve> curves(boolean[][] truth, double[][] scores) {
        int k = truth.length == 0 ? 0 : truth[0].length;
        List<BinaryCurve> out = new ArrayList<>(k);
        for (int c = 0; c < k; c++) {
            out.add(BinaryCurve.of(column(truth, c), column(scores, c)));
        }
        return out;
    }

    /** Per-class values with their macro, weighted and micro averages. */
    public record Averaged(double[] perClass, double macro, double weighted, double micro) {
        public Averaged {
            perClass = perClass.clone();
        }

        @Override
        public double[] perClass() {
            return perClass.clone();
        }
    }

    /** The per-class curves with both their ROC AUC and average precision, each curve built once. */
    public record Both(List<BinaryCurve> curves, Averaged rocAuc, Averaged averagePrecision) {
        public Both {
            curves = List.copyOf(curves);
        }
    }

    public static Both both(boolean[][] truth, double[][] scores) {
        List<BinaryCurve> curves = curves(truth, scores);
        BinaryCurve micro = BinaryCurve.of(flatten(truth), flatten(scores));
        double[] weights = positives(curves);
        Averaged auc = average(curves.stream().mapToDouble(BinaryCurve::rocAuc).toArray(), weights, micro.rocAuc());
        Averaged ap = average(curves.stream().mapToDouble(BinaryCurve::averagePrecision).toArray(), weights,
                micro.averagePrecision());
        return new Both(curves, auc, ap);
    }

    public static Averaged rocAuc(boolean[][] truth, double[][] scores) {
        return both(truth, scores).rocAuc();
    }

    public static Averaged averagePrecision(boolean[][] truth, double[][] scores) {
        return both(truth, scores).averagePrecision();
    }

    /**
     * Hand &amp; Till's multi-class AUC (scikit-learn {@code multi_class="ovo"}, macro): for every pair of
     * classes (a, b), on the samples of a or b, the mean of AUC(a vs b by score a) and AUC(b vs a by score b);
     * then the mean over pairs. Pairs with an undefined AUC are left out.
     */
    public static double oneVsOneMacro(int[] yTrue, double[][] scores, int classes) {
        List<Double> pairs = new ArrayList<>();
        for (int a = 0; a < classes; a++) {
            for (int b = a + 1; b < classes; b++) {
                int n = 0;
                for (int y : yTrue) {
                    n += y == a || y == b ? 1 : 0;
                }
                boolean[] isA = new boolean[n], isB = new boolean[n];
                double[] sa = new double[n], sb = new double[n];
                int j = 0;
                for (int i = 0; i < yTrue.length; i++) {
                    if (yTrue[i] == a || yTrue[i] == b) {
                        isA[j] = yTrue[i] == a;
                        isB[j] = !isA[j];
                        sa[j] = scores[i][a];
                        sb[j] = scores[i][b];
                        j++;
                    }
                }
                double auc = (BinaryCurve.of(isA, sa).rocAuc() + BinaryCurve.of(isB, sb).rocAuc()) / 2;
                if (!Double.isNaN(auc)) {
                    pairs.add(auc);
                }
            }
        }
        return pairs.isEmpty() ? Double.NaN : NumpySum.mean(pairs.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** One-hot rows of class indices. */
    public static boolean[][] oneHot(int[] y, int classes) {
        boolean[][] t = new boolean[y.length][classes];
        for (int i = 0; i < y.length; i++) {
            t[i][y[i]] = true;
        }
        return t;
    }

    private static Averaged average(double[] per, double[] weights, double micro) {
        List<Integer> defined = new ArrayList<>();
        for (int c = 0; c < per.length; c++) {
            if (!Double.isNaN(per[c])) {
                defined.add(c);
            }
        }
        double[] v = defined.stream().mapToDouble(c -> per[c]).toArray();
        double[] w = defined.stream().mapToDouble(c -> weights[c]).toArray();
        double macro = v.length == 0 ? Double.NaN : NumpySum.mean(v);
        double wsum = NumpySum.sum(w);
        double weighted = v.length == 0 ? Double.NaN : wsum == 0 ? 0.0 : NumpySum.weightedMean(v, w);
        return new Averaged(per, macro, weighted, micro);
    }

    private static double[] positives(List<BinaryCurve> curves) {
        return curves.stream().mapToDouble(BinaryCurve::positives).toArray();
    }

    static boolean[] column(boolean[][] m, int c) {
        boolean[] col = new boolean[m.length];
        for (int i = 0; i < m.length; i++) {
            col[i] = m[i][c];
        }
        return col;
    }

    static double[] column(double[][] m, int c) {
        double[] col = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            col[i] = m[i][c];
        }
        return col;
    }

    private static boolean[] flatten(boolean[][] m) {
        int k = m.length == 0 ? 0 : m[0].length;
        boolean[] f = new boolean[m.length * k];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * k, k);
        }
        return f;
    }

    private static double[] flatten(double[][] m) {
        int k = m.length == 0 ? 0 : m[0].length;
        double[] f = new double[m.length * k];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, f, i * k, k);
        }
        return f;
    }
}
