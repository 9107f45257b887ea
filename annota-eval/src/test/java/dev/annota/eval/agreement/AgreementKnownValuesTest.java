package dev.annota.eval.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class AgreementKnownValuesTest {
    static final double M = Double.NaN;
    /** Krippendorff (2011), "Computing Krippendorff's alpha-reliability", the 4 observers × 12 units example. */
    static final double[][] KRIPPENDORFF = transpose(new double[][] {
        {1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M},
        {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3},
        {M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M},
        {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M},
    });

    @Test
    void krippendorff_alpha_matches_the_published_example_at_every_level() {
        assertEquals(0.743, KrippendorffAlpha.of(KRIPPENDORFF, KrippendorffAlpha.Level.NOMINAL), 5e-4);
        assertEquals(0.815, KrippendorffAlpha.of(KRIPPENDORFF, KrippendorffAlpha.Level.ORDINAL), 5e-4);
        assertEquals(0.849, KrippendorffAlpha.of(KRIPPENDORFF, KrippendorffAlpha.Level.INTERVAL), 5e-4);
    }

    @Test
    void krippendorff_alpha_is_undefined_when_every_rating_is_the_same() {
        assertTrue(Double.isNaN(KrippendorffAlpha.of(new double[][] {{1, 1}, {1, 1}}, KrippendorffAlpha.Level.NOMINAL)));
    }

    @Test
    void fleiss_kappa_matches_the_textbook_example() {
        // Fleiss (1971) as tabulated on Wikipedia: 10 items, 14 raters, 5 categories, kappa 0.210
        long[][] counts = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
        };
        FleissKappa f = FleissKappa.of(counts);
        assertEquals(0.210, f.kappa(), 5e-4);
        assertEquals(0.378, f.meanObservedAgreement(), 5e-4);
        assertEquals(0.213, f.expectedAgreement(), 5e-4);
    }

    @Test
    void fleiss_kappa_refuses_items_with_different_numbers_of_ratings() {
        assertThrows(ValidationException.class, () -> FleissKappa.of(new long[][] {{2, 1}, {1, 1}}));
    }

    @Test
    void weighted_cohen_kappa_uses_positions_in_the_category_list() {
        int[] a = {0, 1, 2, 2, 1, 0}, b = {0, 2, 2, 1, 1, 1};
        double linear = CohenKappa.of(a, b, 3, Weighting.LINEAR);
        double quadratic = CohenKappa.of(a, b, 3, Weighting.QUADRATIC);
        double none = CohenKappa.of(a, b, 3, Weighting.NONE);
        assertTrue(quadratic > linear && linear > none, none + " " + linear + " " + quadratic);
        long[][] t = CohenKappa.table(a, b, 3);
        assertEquals(none, CohenKappa.fromProportions(t), 1e-15);
        assertEquals(1.0, CohenKappa.of(a, a, 3, Weighting.QUADRATIC), 0.0);
    }

    static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
