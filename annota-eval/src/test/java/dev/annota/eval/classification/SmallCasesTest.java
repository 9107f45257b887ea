package dev.annota.eval.classification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmallCasesTest {
    @Test
    void roc_auc_and_average_precision_of_the_textbook_four_samples() {
        BinaryCurve c = BinaryCurve.of(new boolean[] {false, false, true, true}, new double[] {0.1, 0.4, 0.35, 0.8});
        assertEquals(0.75, c.rocAuc(), 1e-15);
        assertEquals(0.8333333333333333, c.averagePrecision(), 1e-15);
    }

    @Test
    void tied_scores_form_one_threshold() {
        BinaryCurve c = BinaryCurve.of(new boolean[] {true, false, true, false}, new double[] {0.5, 0.5, 0.5, 0.5});
        assertEquals(1, c.thresholds().length);
        assertEquals(0.5, c.rocAuc(), 1e-15);
    }

    @Test
    void roc_auc_is_undefined_with_a_single_class_and_average_precision_is_zero_without_positives() {
        BinaryCurve c = BinaryCurve.of(new boolean[] {false, false}, new double[] {0.2, 0.7});
        assertTrue(Double.isNaN(c.rocAuc()));
        assertEquals(0.0, c.averagePrecision());
    }

    @Test
    void a_confidence_on_an_inner_bin_edge_belongs_to_the_lower_bin() {
        double[] edges = Calibration.edges(15);
        assertEquals(0, Calibration.bin(0.0, edges));
        assertEquals(2, Calibration.bin(0.2, edges));
        assertEquals(5, Calibration.bin(0.4, edges));
        assertEquals(8, Calibration.bin(0.6, edges));
        assertEquals(11, Calibration.bin(0.8, edges));
        assertEquals(7, Calibration.bin(0.5, edges));
        assertEquals(14, Calibration.bin(1.0, edges));
        assertEquals(3, Calibration.bin(Math.nextUp(0.2), edges));
        for (int i = 1; i < 15; i++) {
            assertEquals(i - 1, Calibration.bin(edges[i], edges), "edge " + i);
        }
    }

    @Test
    void a_never_predicted_class_has_zero_precision_and_counts_in_the_macro_mean() {
        SingleLabelInput in = new SingleLabelInput(List.of("a", "b", "c"), new int[] {0, 1, 2, 2}, new int[] {0, 1, 1, 1},
                Optional.empty());
        SingleLabelMetrics m = SingleLabelMetrics.of(in);
        assertEquals(0.0, m.prf().perClass().get(2).scores().precision());
        assertEquals((1.0 + 1.0 / 3 + 0) / 3, m.prf().macro().precision(), 1e-15);
        assertArrayEquals(new double[] {1, 1, 0}, m.perClassAccuracy());
    }

    @Test
    void labels_out_of_range_are_refused_with_the_sample_named() {
        ValidationException e = assertThrows(ValidationException.class, () -> new SingleLabelInput(List.of("a", "b"),
                new int[] {0, 3}, new int[] {0, 1}, Optional.empty()));
        assertTrue(e.getMessage().contains("y_true[1]"), e.getMessage());
    }

    @Test
    void the_worst_mistakes_come_most_confident_first() {
        SingleLabelInput in = SingleLabelInput.binary(List.of("neg", "pos"), new int[] {0, 0, 1, 1},
                new int[] {1, 1, 0, 1}, new double[] {0.6, 0.9, 0.3, 0.8});
        List<Mistakes.Mistake> worst = Mistakes.worst(in, 10);
        // confidence in the predicted label: sample 1 0.9, sample 2 (predicted neg at p=0.3) 0.7, sample 0 0.6
        assertEquals(List.of(1, 2, 0), worst.stream().map(Mistakes.Mistake::sample).toList());
        assertEquals(0.9, worst.get(0).confidence(), 1e-15);
    }

    @Test
    void slices_report_the_largest_gap_and_where_it_is() {
        SingleLabelInput in = new SingleLabelInput(List.of("a", "b"), new int[] {0, 1, 0, 1}, new int[] {0, 1, 1, 1},
                Optional.empty());
        SliceReport r = SliceReport.of(new String[] {"day", "day", "night", "night"},
                idx -> SingleLabelMetrics.of(in.subset(idx)).headline());
        SliceReport.Gap g = r.gaps().get("accuracy");
        assertEquals("day", g.highestSlice());
        assertEquals("night", g.lowestSlice());
        assertEquals(0.5, g.gap(), 1e-15);
    }
}
