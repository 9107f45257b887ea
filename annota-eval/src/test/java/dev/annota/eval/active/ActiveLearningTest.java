package dev.annota.eval.active;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ActiveLearningTest {
    static final double[][] P = {
        {0.9, 0.05, 0.05},
        {0.5, 0.45, 0.05},
        {0.4, 0.3, 0.3},
        {0.6, 0.2, 0.2},
    };

    @Test
    void uncertainty_scores_follow_their_definitions() {
        assertEquals(0.6, UncertaintyScores.leastConfidence(P[2]), 1e-12);
        assertEquals(1 - 0.05, UncertaintyScores.margin(P[1]), 1e-12);
        assertEquals(1, UncertaintyScores.entropy(new double[] {0.25, 0.25, 0.25, 0.25}), 1e-12);
        assertEquals(0, UncertaintyScores.entropy(new double[] {1, 0, 0}), 1e-12);
    }

    @Test
    void each_uncertainty_strategy_ranks_by_its_own_score() {
        assertArrayEquals(new int[] {2, 1}, ActiveLearning.select(Strategy.LEAST_CONFIDENCE, 4, P, new float[0][], new float[0][], 2, 1));
        assertArrayEquals(new int[] {1, 2}, ActiveLearning.select(Strategy.MARGIN, 4, P, new float[0][], new float[0][], 2, 1));
        assertArrayEquals(new int[] {2, 3}, ActiveLearning.select(Strategy.ENTROPY, 4, P, new float[0][], new float[0][], 2, 1),
                "entropy prefers the flat 0.4/0.3/0.3 and then 0.6/0.2/0.2 to the two-way 0.5/0.45");
    }

    @Test
    void k_center_picks_the_candidate_farthest_from_the_labelled_ones_then_spreads_out() {
        float[][] candidates = {{0, 0.1f}, {5, 0}, {5, 0.2f}, {-3, 0}};
        float[][] labelled = {{0, 0}};
        assertArrayEquals(new int[] {2, 3, 1}, KCenterGreedy.select(candidates, labelled, new double[0], 3));
    }

    @Test
    void the_combined_strategy_spreads_picks_among_the_most_uncertain() {
        double[][] p = new double[13][];
        float[][] v = new float[13][];
        float[] near = {0, 0.1f, 4, 0.2f, 0.3f};
        for (int i = 0; i < 13; i++) {
            p[i] = i < 5 ? new double[] {0.34, 0.33, 0.33} : new double[] {0.98, 0.01, 0.01};
            v[i] = new float[] {i < 5 ? near[i] : 100 + i, 0};
        }
        int[] picks = ActiveLearning.select(Strategy.ENTROPY_KCENTER, 13, p, v, new float[][] {{0, 0}}, 1, 1);
        assertArrayEquals(new int[] {2}, picks, "the far but certain candidates are not in the uncertain pool; among it, the farthest");
        assertEquals(12, ActiveLearning.select(Strategy.KCENTER, 13, p, v, new float[][] {{0, 0}}, 1, 1)[0], "k-center alone goes far");
    }

    @Test
    void random_is_repeatable_with_a_seed_and_strategy_names_parse() {
        assertArrayEquals(ActiveLearning.select(Strategy.RANDOM, 50, new double[0][], new float[0][], new float[0][], 5, 9),
                ActiveLearning.select(Strategy.RANDOM, 50, new double[0][], new float[0][], new float[0][], 5, 9));
        assertEquals(Strategy.LEAST_CONFIDENCE, Strategy.of("least-confidence"));
        assertEquals(Strategy.ENTROPY_KCENTER, Strategy.of("entropy-kcenter"));
        assertThrows(IllegalArgumentException.class, () -> Strategy.of("confusion"));
        assertThrows(IllegalArgumentException.class, () -> ActiveLearning.select(Strategy.MARGIN, 3, P, new float[0][], new float[0][], 1, 1));
    }
}
