package dev.annota.eval.agreement;

import dev.annota.core.error.ValidationException;
import dev.annota.eval.NumpySum;

/**
 * Fleiss' κ as statsmodels' {@code fleiss_kappa(table, method="fleiss")} computes it, from an items × categories
 * count table in which every item has the same number m of ratings: P̄ = mean over items of
 * (Σ_c n_ic² − m) / (m(m − 1)), P_e = Σ_c p_c² with p_c = Σ_i n_ic / (N·m), κ = (P̄ − P_e) / (1 − P_e).
 * Randolph's free-marginal κ (statsmodels {@code method="randolph"}) replaces P_e by 1/k.
 *
 * @param kappa                 Fleiss' κ
 * @param randolphKappa         Randolph's κ
 * @param meanObservedAgreement P̄
 * @param expectedAgreement     P_e
 * @param categoryProportions   p_c per category
 */
public record FleissKappa(double kappa, double randolphKappa, double meanObservedAgreement,
                          double expectedAgreement, double[] categoryProportions) {
    public FleissKappa {
        categoryProportions = categoryProportions.clone();
    }

    @Override
    public double[] categoryProportions() {
        return categoryProportions.clone();
    }

    /** From {@code counts[item][category]}; every row must sum to the same number of raters (≥ 2). */
    public static FleissKappa of(long[][] counts) {
        int items = counts.length;
        if (items == 0) {
            throw ValidationException.of("counts", "[]", "expected at least one item");
        }
        int k = counts[0].length;
        long m = -1;
        for (int i = 0; i < items; i++) {
            if (counts[i].length != k) {
                throw ValidationException.of("counts[" + i + "]", counts[i].length + " categories",
                        "expected " + k + " like the first item");
            }
            long row = 0;
            for (long v : counts[i]) {
                if (v < 0) {
                    throw ValidationException.of("counts[" + i + "]", v, "expected counts ≥ 0");
                }
                row += v;
            }
            if (m < 0) {
                m = row;
            }
            if (row != m || m < 2) {
                throw ValidationException.of("counts[" + i + "]", row + " ratings",
                        "expected the same number of ratings (at least 2) for every item, as the first has " + m);
            }
        }
        double total = (double) items * m;
        double[] p = new double[k];
        for (int c = 0; c < k; c++) {
            double col = 0;
            for (long[] row : counts) {
                col += row[c];
            }
            p[c] = col / total;
        }
        double[] perItem = new double[items];
        for (int i = 0; i < items; i++) {
            double sq = 0;
            for (long v : counts[i]) {
                sq += (double) v * v;
            }
            perItem[i] = (sq - m) / (m * (m - 1.0));
        }
        double pBar = NumpySum.mean(perItem);
        double[] p2 = new double[k];
        for (int c = 0; c < k; c++) {
            p2[c] = p[c] * p[c];
        }
        double pe = NumpySum.sum(p2);
        double randolphPe = 1.0 / k;
        return new FleissKappa((pBar - pe) / (1 - pe), (pBar - randolphPe) / (1 - randolphPe), pBar, pe, p);
    }

    /**
     * statsmodels' {@code aggregate_raters}: {@code ratings[item][rater]} category indices in
     * {@code [0, categories)} → counts per item and category.
     */
    public static long[][] counts(int[][] ratings, int categories) {
        long[][] c = new long[ratings.length][categories];
        for (int i = 0; i < ratings.length; i++) {
            for (int r = 0; r < ratings[i].length; r++) {
                int v = ratings[i][r];
                if (v < 0 || v >= categories) {
                    throw ValidationException.of("ratings[" + i + "][" + r + "]", v,
                            "expected a category index in [0, " + (categories - 1) + "]");
                }
                c[i][v]++;
            }
        }
        return c;
    }
}
