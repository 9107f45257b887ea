package dev.annota.eval.segmentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class SemanticSegmentationEvaluatorTest {
    @Test
    void computes_iou_accuracy_and_their_means_by_hand_skipping_ignored_pixels() {
        SemanticSegmentationEvaluator e = new SemanticSegmentationEvaluator(2, 255);
        e.add(new int[] {0, 0, 1, 1, 255, 1}, new int[] {0, 1, 1, 1, 0, 0});
        SemanticSegmentationScores s = e.scores();
        assertArrayEquals(new long[][] {{1, 1}, {1, 2}}, s.confusion());
        assertArrayEquals(new double[] {1.0 / 3, 0.5}, s.iou(), 1e-15);
        assertArrayEquals(new double[] {0.5, 2.0 / 3}, s.classAccuracy(), 1e-15);
        assertEquals(5.0 / 12, s.meanIou(), 1e-15);
        assertEquals(3.0 / 5, s.pixelAccuracy(), 1e-15);
        assertEquals(7.0 / 12, s.meanClassAccuracy(), 1e-15);
    }

    @Test
    void a_class_absent_from_truth_and_prediction_has_no_iou_and_stays_out_of_the_mean() {
        SemanticSegmentationEvaluator e = new SemanticSegmentationEvaluator(3, 255);
        e.add(new int[] {0, 1}, new int[] {0, 1});
        SemanticSegmentationScores s = e.scores();
        assertTrue(Double.isNaN(s.iou()[2]));
        assertEquals(1.0, s.meanIou(), 0);
    }

    @Test
    void streaming_image_by_image_gives_the_same_scores_as_one_big_image() {
        SemanticSegmentationEvaluator parts = new SemanticSegmentationEvaluator(2, 255);
        parts.add(new int[] {0, 0, 1}, new int[] {0, 1, 1});
        parts.add(new int[] {1, 255, 1}, new int[] {1, 0, 0});
        SemanticSegmentationEvaluator whole = new SemanticSegmentationEvaluator(2, 255);
        whole.add(new int[] {0, 0, 1, 1, 255, 1}, new int[] {0, 1, 1, 1, 0, 0});
        assertEquals(whole.scores().meanIou(), parts.scores().meanIou(), 0);
        SemanticSegmentationEvaluator merged = new SemanticSegmentationEvaluator(2, 255);
        merged.merge(parts);
        assertArrayEquals(whole.scores().confusion(), merged.scores().confusion());
    }

    @Test
    void a_prediction_outside_the_classes_is_refused_with_its_position() {
        SemanticSegmentationEvaluator e = new SemanticSegmentationEvaluator(2, 255);
        ValidationException x = assertThrows(ValidationException.class, () -> e.add(new int[] {0, 1}, new int[] {0, 7}));
        assertTrue(x.getMessage().contains("predicted[1]"), x.getMessage());
    }
}
