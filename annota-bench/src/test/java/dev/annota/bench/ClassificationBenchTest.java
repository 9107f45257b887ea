package dev.annota.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the classification benchmark tiny and checks what it computes, never how fast. */
class ClassificationBenchTest {
    @Test
    void sort_based_auc_agrees_with_the_pair_count_including_ties() {
        BenchResult r = ClassificationBench.rocAuc(500, 2_000, new GeometryBench.Rounds(0, 1, 0, 1));
        assertEquals(0.0, (Double) r.details().get("abs_difference_to_pair_count"), 1e-12);
        double auc = (Double) r.details().get("roc_auc");
        assertTrue(auc > 0.7 && auc < 1.0, "positives score higher by construction: " + auc);
    }

    @Test
    void the_pair_count_gives_half_credit_for_ties() {
        assertEquals(0.5, ClassificationBench.mannWhitney(new boolean[] {true, false}, new double[] {0.4, 0.4}), 0.0);
        assertEquals(1.0, ClassificationBench.mannWhitney(new boolean[] {true, false}, new double[] {0.5, 0.4}), 0.0);
    }
}
