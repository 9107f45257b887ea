package dev.annota.eval.labelerrors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.eval.labelerrors.ConfidentLearning.Ranking;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidentLearningTest {
    /** Sample 2 is labelled 0 but looks like 1; sample 6 is labelled 2 but looks like 0; sample 4 reaches no threshold. */
    static final double[][] P = {
        {0.9, 0.05, 0.05},
        {0.8, 0.1, 0.1},
        {0.1, 0.85, 0.05},
        {0.1, 0.8, 0.1},
        {0.2, 0.7, 0.1},
        {0.1, 0.1, 0.8},
        {0.8, 0.12, 0.08},
    };
    static final int[] GIVEN = {0, 0, 0, 1, 1, 2, 2};

    @Test
    void thresholds_are_the_mean_self_confidence_of_each_given_class() {
        LabelErrors e = ConfidentLearning.find(P, GIVEN, Ranking.SELF_CONFIDENCE);
        assertArrayEquals(new double[] {(0.9 + 0.8 + 0.1) / 3, (0.8 + 0.7) / 2, (0.8 + 0.08) / 2}, e.thresholds(), 1e-12);
    }

    @Test
    void the_confident_joint_counts_each_sample_under_its_most_probable_class_above_threshold() {
        LabelErrors e = ConfidentLearning.find(P, GIVEN, Ranking.SELF_CONFIDENCE);
        assertArrayEquals(new long[] {2, 1, 0}, e.confidentJoint()[0]);
        assertArrayEquals(new long[] {0, 1, 0}, e.confidentJoint()[1], "sample 4 reaches no threshold and is not counted");
        assertArrayEquals(new long[] {1, 0, 1}, e.confidentJoint()[2]);
    }

    @Test
    void the_calibrated_joint_has_the_label_counts_as_row_sums_and_sums_to_one() {
        LabelErrors e = ConfidentLearning.find(P, GIVEN, Ranking.SELF_CONFIDENCE);
        double[][] q = e.calibratedJoint();
        assertArrayEquals(new double[] {2 / 7.0, 1 / 7.0, 0}, q[0], 1e-12);
        assertArrayEquals(new double[] {0, 2 / 7.0, 0}, q[1], 1e-12, "row 1 scaled up from 1 counted to 2 labelled");
        assertArrayEquals(new double[] {1 / 7.0, 0, 1 / 7.0}, q[2], 1e-12);
        assertEquals(2 / 7.0, e.estimatedErrorRate(), 1e-12);
    }

    @Test
    void flags_the_off_diagonal_samples_with_the_suggested_label_most_suspicious_first() {
        List<Suspect> bySelf = ConfidentLearning.find(P, GIVEN, Ranking.SELF_CONFIDENCE).suspects();
        assertEquals(List.of(new Suspect(6, 2, 0, 1 - 0.08), new Suspect(2, 0, 1, 1 - 0.1)), bySelf);
        List<Suspect> byMargin = ConfidentLearning.find(P, GIVEN, Ranking.NORMALIZED_MARGIN).suspects();
        assertEquals(2, byMargin.get(0).index(), "a margin of 0.75 beats one of 0.72");
        assertEquals((0.85 - 0.1 + 1) / 2, byMargin.get(0).score(), 1e-12);
        assertEquals(6, byMargin.get(1).index());
    }

    @Test
    void clean_labels_give_no_suspects() {
        double[][] p = {{0.9, 0.1}, {0.7, 0.3}, {0.2, 0.8}, {0.4, 0.6}};
        LabelErrors e = ConfidentLearning.find(p, new int[] {0, 0, 1, 1}, Ranking.SELF_CONFIDENCE);
        assertTrue(e.suspects().isEmpty(), e.suspects().toString());
        assertEquals(0, e.estimatedErrorRate(), 1e-12);
    }

    @Test
    void rejects_a_given_label_outside_the_classes_and_mismatched_lengths() {
        assertThrows(IllegalArgumentException.class, () -> ConfidentLearning.find(P, new int[] {0, 0, 0, 1, 1, 2, 3}, Ranking.SELF_CONFIDENCE));
        assertThrows(IllegalArgumentException.class, () -> ConfidentLearning.find(P, new int[] {0, 1}, Ranking.SELF_CONFIDENCE));
    }
}
