package dev.annota.eval.segmentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases on one-row images (pixel i is column i). */
class PanopticEvaluatorTest {
    private static final List<PanopticCategory> CATEGORIES = List.of(new PanopticCategory(1, true), new PanopticCategory(2, false));

    @Test
    void matches_at_iou_above_one_half_leaving_void_pixels_out_of_the_union() {
        PanopticEvaluator e = new PanopticEvaluator(CATEGORIES);
        e.add(new int[] {1, 1, 1, 1, 2, 2, 2, 2, 0, 0},
                List.of(new PanopticSegment(1, 1, false), new PanopticSegment(2, 2, false)),
                new int[] {10, 10, 10, 11, 11, 12, 12, 12, 10, 11},
                List.of(new PanopticSegment(10, 1, false), new PanopticSegment(11, 2, false), new PanopticSegment(12, 2, false)));
        PanopticScores s = e.scores();
        // segment 10: intersection 3, union 4 + 4 - 3 - 1 (void) = 4 -> 0.75, a TP of category 1
        PanopticQuality thing = s.perClass().get(1L);
        assertEquals(0.75, thing.pq(), 1e-15);
        assertEquals(1.0, thing.rq(), 0);
        // segment 12: 0.75, a TP of category 2; segment 11: IoU 0.2 and 1/3 on void -> a FP
        PanopticQuality stuff = s.perClass().get(2L);
        assertEquals(1, stuff.tp());
        assertEquals(1, stuff.fp());
        assertEquals(0, stuff.fn());
        assertEquals(0.5, stuff.pq(), 1e-15);
        assertEquals(0.75, stuff.sq(), 1e-15);
        assertEquals(2.0 / 3, stuff.rq(), 1e-15);
        assertEquals(0.625, s.all().pq(), 1e-15);
        assertEquals(5.0 / 6, s.all().rq(), 1e-15);
        assertEquals(0.75, s.things().pq(), 1e-15);
        assertEquals(0.5, s.stuff().pq(), 1e-15);
    }

    @Test
    void crowd_regions_never_match_and_predictions_mostly_inside_them_are_not_false_positives() {
        PanopticEvaluator e = new PanopticEvaluator(CATEGORIES);
        e.add(new int[] {3, 3, 3, 3, 3, 3, 0, 0, 4, 4},
                List.of(new PanopticSegment(3, 1, true), new PanopticSegment(4, 1, false)),
                new int[] {20, 20, 20, 20, 0, 0, 21, 21, 21, 21},
                List.of(new PanopticSegment(20, 1, false), new PanopticSegment(21, 1, false)));
        PanopticScores s = e.scores();
        PanopticQuality c = s.perClass().get(1L);
        assertEquals(1, c.tp()); // segment 21: intersection 2, union 4 + 2 - 2 - 2 = 2
        assertEquals(0, c.fp()); // segment 20 lies wholly in the crowd region
        assertEquals(0, c.fn()); // the crowd region is no false negative
        assertEquals(1.0, s.all().pq(), 0);
        assertEquals(1, s.all().classes()); // category 2 had nothing and is not averaged
        assertEquals(0, s.stuff().pq(), 0);
    }

    @Test
    void an_unmatched_ground_truth_is_a_false_negative() {
        PanopticEvaluator e = new PanopticEvaluator(CATEGORIES);
        e.add(new int[] {1, 1, 1, 1}, List.of(new PanopticSegment(1, 1, false)),
                new int[] {5, 0, 0, 0}, List.of(new PanopticSegment(5, 1, false)));
        PanopticQuality c = e.scores().perClass().get(1L);
        assertEquals(1, c.fn());
        assertEquals(1, c.fp());
        assertEquals(0, c.pq(), 0);
    }

    @Test
    void a_predicted_id_that_no_segment_lists_is_refused() {
        PanopticEvaluator e = new PanopticEvaluator(CATEGORIES);
        assertThrows(ValidationException.class, () -> e.add(new int[] {1}, List.of(new PanopticSegment(1, 1, false)),
                new int[] {9}, List.of()));
    }
}
