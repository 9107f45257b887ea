package dev.annota.eval.agreement;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * Krippendorff's α for items × raters data with missing ratings, by the coincidence matrix: each item with
 * m ≥ 2 ratings adds, for every ordered pair of its ratings, 1/(m − 1) to o[c][k]; items with fewer ratings
 * are not pairable and left out. α = 1 − D_o / D_e with D_o = Σ o_ck·δ²_ck and
 * D_e = Σ n_c·n_k·δ²_ck / (n − 1). NaN when D_e = 0 (every pairable rating is the same value).
 *
 * <p>Ratings are numbers; a missing rating is {@code NaN}. The metric level chooses δ²: nominal (0 if equal,
 * else 1), ordinal (Krippendorff's rank-based distance over the values present), interval ((c − k)²).
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    /** Measurement level of the ratings. */
    public enum Level { NOMINAL, ORDINAL, INTERVAL }

    /** α of {@code ratings[item][rater]}, {@code NaN} for missing. */
    public static double of(double[][] ratings, Level level) {
        TreeSet<Double> distinct = new TreeSet<>();
        for (int i = 0; i < ratings.length; i++) {
            for (int r = 0; r < ratings[i].length; r++) {
                double v = ratings[i][r];
                if (Double.isInfinite(v)) {
                    throw ValidationException.of("ratings[" + i + "][" + r + "]", v, "expected a finite number");
                }
                if (!Double.isNaN(v)) {
                    distinct.add(v);
                }
            }
        }
        double[] values = distinct.stream().mapToDouble(Double::doubleValue).toArray();
        int k = values.length;
        double[][] o = new double[k][k];
        for (double[] item : ratings) {
            int[] present = Arrays.stream(item).filter(v -> !Double.isNaN(v))
                    .mapToInt(v -> Arrays.binarySearch(values, v)).toArray();
            int m = present.length;
            if (m < 2) {
                continue;
            }
            for (int a = 0; a < m; a++) {
                for (int b = 0; b < m; b++) {
                    if (a != b) {
                        o[present[a]][present[b]] += 1.0 / (m - 1);
                    }
                }
            }
        }
        double[] nc = new double[k];
        double n = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) {
                nc[c] += o[c][j];
            }
            n += nc[c];
        }
        double observed = 0, expected = 0;
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < k; j++) {
                double d = delta(level, values, nc, c, j);
                observed += o[c][j] * d;
                expected += nc[c] * nc[j] * d;
            }
        }
        expected /= n - 1;
        return expected == 0 ? Double.NaN : 1 - observed / expected;
    }

    private static double delta(Level level, double[] values, double[] nc, int c, int k) {
        if (c == k) {
            return 0;
        }
        return switch (level) {
            case NOMINAL -> 1;
            case INTERVAL -> (values[c] - values[k]) * (values[c] - values[k]);
            case ORDINAL -> {
                int lo = Math.min(c, k), hi = Math.max(c, k);
                double s = 0;
                for (int g = lo; g <= hi; g++) {
                    s += nc[g];
                }
                s -= (nc[c] + nc[k]) / 2;
                yield s * s;
            }
        };
    }
}
