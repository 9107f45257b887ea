package dev.annota.eval.agreement;

import dev.annota.core.error.ValidationException;
import dev.annota.eval.NumpySum;

/**
 * Cohen's κ between two raters over an explicit category list, as scikit-learn's {@code cohen_kappa_score}:
 * κ = 1 − Σ w·O / Σ w·E, with O the confusion table (rows rater A, columns rater B), E the outer product of the
 * two marginals divided by n, and w the {@link Weighting}. Weights use positions in the category list, so the
 * list's order matters for the weighted forms.
 */
public final class CohenKappa {
    private CohenKappa() {
    }

    /** Ratings are category indices in {@code [0, categories)}; both arrays have one entry per item. */
    public static double of(int[] a, int[] b, int categories, Weighting weighting) {
        return of(table(a, b, categories), weighting);
    }

    /** The confusion table of two raters: rows rater A's category, columns rater B's. */
    public static long[][] table(int[] a, int[] b, int categories) {
        if (a.length != b.length) {
            throw ValidationException.of("ratings", b.length + " ratings", "expected one per item for both raters ("
                    + a.length + ")");
        }
        long[][] t = new long[categories][categories];
        for (int i = 0; i < a.length; i++) {
            t[check("rater A", i, a[i], categories)][check("rater B", i, b[i], categories)]++;
        }
        return t;
    }

    /** κ from a square confusion table; 1 − 0/0 cases (a single category used by both) give NaN. */
    public static double of(long[][] table, Weighting weighting) {
        int k = table.length;
        long[] colSums = new long[k], rowSums = new long[k];
        long n = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                rowSums[i] += table[i][j];
                colSums[j] += table[i][j];
                n += table[i][j];
            }
        }
        double observed = 0;
        double[] expectedTerms = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double w = weighting.weight(i, j);
                observed += w * table[i][j];
                // scikit-learn: expected = outer(column sums, row sums) / n, indexed [i][j]
                expectedTerms[i * k + j] = w * ((double) (colSums[i] * rowSums[j]) / n);
            }
        }
        double expected = NumpySum.sum(expectedTerms);
        return 1 - observed / expected;
    }

    /**
     * The unweighted κ as statsmodels' {@code cohens_kappa} computes it, (p_o − p_e)/(1 − p_e) from
     * proportions: the same value by a different route, kept as a cross-check.
     */
    public static double fromProportions(long[][] table) {
        int k = table.length;
        double n = 0;
        for (long[] row : table) {
            for (long v : row) {
                n += v;
            }
        }
        double po = 0, pe = 0;
        for (int i = 0; i < k; i++) {
            double row = 0, col = 0;
            for (int j = 0; j < k; j++) {
                row += table[i][j];
                col += table[j][i];
            }
            po += table[i][i] / n;
            pe += (col / n) * (row / n);
        }
        return (po - pe) / (1 - pe);
    }

    /** Fraction of items on which both raters chose the same category. */
    public static double observedAgreement(long[][] table) {
        long agree = 0, n = 0;
        for (int i = 0; i < table.length; i++) {
            agree += table[i][i];
            for (long v : table[i]) {
                n += v;
            }
        }
        return (double) agree / n;
    }

    private static int check(String who, int item, int value, int categories) {
        if (value < 0 || value >= categories) {
            throw ValidationException.of(who + " item " + item, value,
                    "expected a category index in [0, " + (categories - 1) + "]");
        }
        return value;
    }
}
