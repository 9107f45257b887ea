package dev.annota.eval.coco;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.PixelBox;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed cases for the behaviours implementations most often get wrong. */
class CocoEvaluatorTest {
    /** 1 / (1 + np.spacing(1)): the precision of one true positive in pycocotools. */
    private static final double ONE_TP = 1 / (1 + Math.ulp(1.0));

    private static CocoGroundTruth gt(GroundTruthObject... objects) {
        return new CocoGroundTruth(List.of(new CocoImage(1, 200, 200), new CocoImage(2, 200, 200)),
                List.of(new CocoCategory(1, "a"), new CocoCategory(2, "b")), List.of(objects));
    }

    private static GroundTruthObject box(long id, double x, double y, double w, double h, boolean crowd) {
        return GroundTruthObject.ofBox(id, 1, 1, new PixelBox(x, y, w, h), w * h, crowd);
    }

    private static CocoEvaluation evaluate(CocoGroundTruth gt, CocoResult... results) {
        return CocoEvaluator.evaluate(gt, LoadResults.load(List.of(results), gt), IouType.BBOX);
    }

    @Test
    void detections_inside_one_crowd_region_are_neither_true_nor_false_positives() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false), box(2, 50, 50, 40, 40, true));
        CocoEvaluation r = evaluate(gt,
                CocoResult.ofBox(1, 1, .95, 55, 55, 10, 10),
                CocoResult.ofBox(1, 1, .92, 60, 60, 10, 10),
                CocoResult.ofBox(1, 1, .90, 0, 0, 10, 10));
        assertEquals(ONE_TP, r.stats().get(0), 0);
        assertEquals(1.0, r.stats().get(8), 0);
    }

    @Test
    void the_same_detections_without_the_crowd_flag_are_false_positives() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false));
        CocoEvaluation r = evaluate(gt,
                CocoResult.ofBox(1, 1, .95, 55, 55, 10, 10),
                CocoResult.ofBox(1, 1, .92, 60, 60, 10, 10),
                CocoResult.ofBox(1, 1, .90, 0, 0, 10, 10));
        assertEquals(1.0 / 3, r.stats().get(0), 1e-15);
    }

    @Test
    void an_object_of_area_exactly_32_squared_counts_as_small_and_as_medium() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 32, 32, false));
        CocoEvaluation r = evaluate(gt, CocoResult.ofBox(1, 1, .9, 0, 0, 32, 32));
        assertEquals(ONE_TP, r.stats().get(3), 0);
        assertEquals(ONE_TP, r.stats().get(4), 0);
        assertEquals(-1, r.stats().get(5), 0);
    }

    @Test
    void detections_with_equal_scores_keep_their_file_order() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false));
        CocoEvaluation falseFirst = evaluate(gt,
                CocoResult.ofBox(1, 1, .5, 100, 100, 10, 10),
                CocoResult.ofBox(1, 1, .5, 0, 0, 10, 10));
        CocoEvaluation trueFirst = evaluate(gt,
                CocoResult.ofBox(1, 1, .5, 0, 0, 10, 10),
                CocoResult.ofBox(1, 1, .5, 100, 100, 10, 10));
        assertEquals(0.5, falseFirst.stats().get(0), 0);
        assertEquals(ONE_TP, trueFirst.stats().get(0), 0);
    }

    @Test
    void recall_at_one_detection_counts_only_the_best_detection_of_each_image() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false), box(2, 50, 50, 10, 10, false));
        CocoEvaluation r = evaluate(gt,
                CocoResult.ofBox(1, 1, .9, 0, 0, 10, 10),
                CocoResult.ofBox(1, 1, .8, 50, 50, 10, 10));
        assertEquals(0.5, r.stats().get(6), 0);
        assertEquals(1.0, r.stats().get(7), 0);
    }

    @Test
    void a_category_without_ground_truth_has_minus_one_everywhere_and_stays_out_of_the_means() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false));
        CocoEvaluation r = evaluate(gt,
                CocoResult.ofBox(1, 1, .9, 0, 0, 10, 10),
                new CocoResult(1, 2, .9, java.util.Optional.of(new double[] {0, 0, 10, 10}),
                        java.util.Optional.empty(), java.util.Optional.empty()));
        assertEquals(-1, r.perCategoryAp().get(2L), 0);
        assertEquals(ONE_TP, r.perCategoryAp().get(1L), 0);
        assertEquals(ONE_TP, r.stats().get(0), 0);
        assertEquals(-1, r.precision().get(0, 0, 1, 0, 2), 0);
        assertEquals(-1, r.recall().get(0, 1, 0, 2), 0);
    }

    @Test
    void a_detection_matching_a_box_at_iou_0_6_counts_at_thresholds_up_to_0_6() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false));
        // [0,0,10,6] inside the ground truth: IoU 60/100 = 0.6
        CocoEvaluation r = evaluate(gt, CocoResult.ofBox(1, 1, .9, 0, 0, 10, 6));
        double[] recall = new double[10];
        for (int t = 0; t < 10; t++) {
            recall[t] = r.recall().get(t, 0, 0, 2);
        }
        assertArrayEquals(new double[] {1, 1, 1, 0, 0, 0, 0, 0, 0, 0}, recall, 0);
        assertEquals(0.3, r.stats().get(8), 1e-15);
    }

    @Test
    void an_unmatched_detection_outside_the_area_range_is_ignored_in_that_range() {
        CocoGroundTruth gt = gt(box(1, 0, 0, 10, 10, false));
        // a large false positive ranked first: a false positive for "all", ignored for "small"
        CocoEvaluation r = evaluate(gt,
                CocoResult.ofBox(1, 1, .95, 100, 100, 99, 99),
                CocoResult.ofBox(1, 1, .9, 0, 0, 10, 10));
        assertEquals(0.5, r.stats().get(0), 0);
        assertEquals(ONE_TP, r.stats().get(3), 0);
    }

    @Test
    void more_than_one_hundred_detections_in_an_image_are_cut_to_the_best_hundred() {
        List<GroundTruthObject> objects = new ArrayList<>();
        List<CocoResult> results = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            objects.add(box(i + 1, (i % 10) * 20, (i / 10) * 15, 10, 10, false));
            results.add(CocoResult.ofBox(1, 1, 1 - i / 1000.0, (i % 10) * 20, (i / 10) * 15, 10, 10));
        }
        CocoGroundTruth gt = gt(objects.toArray(GroundTruthObject[]::new));
        CocoEvaluation r = CocoEvaluator.evaluate(gt, LoadResults.load(results, gt), IouType.BBOX);
        assertEquals(100.0 / 101, r.stats().get(8), 1e-15);
    }
}
