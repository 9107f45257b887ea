package dev.annota.eval.labelerrors;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Confident learning over out-of-fold probabilities {@code p[i][j]} (n samples × m classes) and given labels
 * {@code given[i]} in [0, m).
 * <ol>
 * <li>Per-class threshold {@code t[j]}: the mean self-confidence {@code p[i][j]} over the samples labelled j.</li>
 * <li>Confident joint {@code C[given][true]}: sample i counts in row {@code given[i]}, column the class with the
 * largest {@code p[i][j]} among those with {@code p[i][j] >= t[j]} (not counted when no class reaches its
 * threshold).</li>
 * <li>Calibration: each row of C rescaled so that it sums to the number of samples with that given label, then
 * the whole divided by n: an estimate of the joint distribution of given and true labels.</li>
 * <li>Suspects: the samples counted off the diagonal, with the column as suggested label, ranked most suspicious
 * first by the chosen {@link Ranking}.</li>
 * </ol>
 */
public final class ConfidentLearning {
    private ConfidentLearning() {
    }

    /** How suspects are ordered; the score is larger for the more suspicious sample. */
    public enum Ranking {
        /** {@code 1 − p[given]}: the less the model believes the given label, the more suspicious. */
        SELF_CONFIDENCE,
        /** {@code (p[suggested] − p[given] + 1) / 2}: how much more the model believes another label, in [0, 1]. */
        NORMALIZED_MARGIN
    }

    /** Finds likely label errors; see the class comment. */
    public static LabelErrors find(double[][] p, int[] given, Ranking ranking) {
        int n = p.length;
        if (n == 0 || given.length != n) {
            throw new IllegalArgumentException("expected one given label per probability row and at least one row, got "
                    + given.length + " labels and " + n + " rows");
        }
        int m = p[0].length;
        for (int i = 0; i < n; i++) {
            if (p[i].length != m) {
                throw new IllegalArgumentException("row " + i + ": expected " + m + " probabilities, got " + p[i].length);
            }
            if (given[i] < 0 || given[i] >= m) {
                throw new IllegalArgumentException("row " + i + ": given label " + given[i] + " is not in [0, " + m + ")");
            }
        }
        double[] thresholds = thresholds(p, given, m);
        long[][] joint = new long[m][m];
        int[] column = new int[n];
        for (int i = 0; i < n; i++) {
            column[i] = confidentClass(p[i], thresholds);
            if (column[i] >= 0) {
                joint[given[i]][column[i]]++;
            }
        }
        double[][] calibrated = calibrate(joint, given, m, n);
        List<Suspect> suspects = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (column[i] >= 0 && column[i] != given[i]) {
                double score = ranking == Ranking.SELF_CONFIDENCE ? 1 - p[i][given[i]] : (p[i][column[i]] - p[i][given[i]] + 1) / 2;
                suspects.add(new Suspect(i, given[i], column[i], score));
            }
        }
        suspects.sort(Comparator.comparingDouble(Suspect::score).reversed().thenComparingInt(Suspect::index));
        return new LabelErrors(thresholds, joint, calibrated, suspects);
    }

    /** Mean self-confidence per given class (NaN for a class nobody was given). */
    static double[] thresholds(double[][] p, int[] given, int m) {
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int i = 0; i < p.length; i++) {
            sum[given[i]] += p[i][given[i]];
            count[given[i]]++;
        }
        double[] t = new double[m];
        for (int j = 0; j < m; j++) {
            t[j] = count[j] == 0 ? Double.NaN : sum[j] / count[j];
        }
        return t;
    }

    /** The most probable class among those at or above their threshold; −1 when none is. */
    static int confidentClass(double[] row, double[] thresholds) {
        int best = -1;
        for (int j = 0; j < row.length; j++) {
            if (!Double.isNaN(thresholds[j]) && row[j] >= thresholds[j] - 1e-12 && (best < 0 || row[j] > row[best])) {
                best = j;
            }
        }
        return best;
    }

    private static double[][] calibrate(long[][] joint, int[] given, int m, int n) {
        int[] labelCount = new int[m];
        for (int g : given) {
            labelCount[g]++;
        }
        double[][] q = new double[m][m];
        for (int r = 0; r < m; r++) {
            long rowSum = 0;
            for (long v : joint[r]) {
                rowSum += v;
            }
            for (int c = 0; c < m; c++) {
                q[r][c] = rowSum == 0 ? (r == c ? labelCount[r] / (double) n : 0) : joint[r][c] / (double) rowSum * labelCount[r] / n;
            }
        }
        return q;
    }
}
