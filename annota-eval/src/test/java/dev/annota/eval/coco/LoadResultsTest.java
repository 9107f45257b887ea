package dev.annota.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadResultsTest {
    private static final CocoGroundTruth GT = new CocoGroundTruth(List.of(new CocoImage(1, 4, 4)),
            List.of(new CocoCategory(1, "a")), List.of());

    private static final Rle SQUARE = Rle.of(4, 4, new int[] {5, 2, 2, 2, 5}); // rows 1-2 of columns 1-2

    @Test
    void box_results_get_area_w_times_h_and_ids_from_their_position() {
        List<Detection> d = LoadResults.load(List.of(CocoResult.ofBox(1, 1, .5, 1, 2, 3, 4),
                CocoResult.ofBox(1, 1, .4, 0, 0, 2, 2)), GT);
        assertEquals(12, d.get(0).area(), 0);
        assertEquals(1, d.get(0).id());
        assertEquals(2, d.get(1).id());
    }

    @Test
    void mask_results_get_the_mask_area_and_its_tobbox() {
        CocoResult r = new CocoResult(1, 1, .5, Optional.empty(), Optional.of(new Segmentation.Mask(SQUARE)), Optional.empty());
        Detection d = LoadResults.load(List.of(r), GT).get(0);
        assertEquals(4, d.area(), 0);
        assertEquals(new PixelBox(1, 1, 2, 2), d.box());
    }

    @Test
    void the_first_result_chooses_the_branch_and_an_empty_bbox_does_not_choose_boxes() {
        CocoResult first = new CocoResult(1, 1, .5, Optional.of(new double[0]), Optional.of(new Segmentation.Mask(SQUARE)),
                Optional.empty());
        CocoResult second = new CocoResult(1, 1, .5, Optional.of(new double[] {0, 0, 4, 4}),
                Optional.of(new Segmentation.Mask(SQUARE)), Optional.empty());
        List<Detection> d = LoadResults.load(List.of(first, second), GT);
        assertEquals(4, d.get(1).area(), 0); // the mask's area, not the box's 16
        assertEquals(new PixelBox(0, 0, 4, 4), d.get(1).box()); // a given box is kept
    }

    @Test
    void keypoint_results_get_the_box_of_all_keypoints_whatever_their_visibility() {
        CocoResult r = new CocoResult(1, 1, .5, Optional.empty(), Optional.empty(),
                Optional.of(new double[] {1, 1, 0.9, 5, 3, 0.0, 2, 7, 0.1}));
        Detection d = LoadResults.load(List.of(r), GT).get(0);
        assertEquals(new PixelBox(1, 1, 4, 6), d.box());
        assertEquals(24, d.area(), 0);
    }

    @Test
    void a_result_for_an_image_outside_the_ground_truth_is_refused_with_its_position() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> LoadResults.load(List.of(CocoResult.ofBox(1, 1, .5, 0, 0, 1, 1), CocoResult.ofBox(9, 1, .5, 0, 0, 1, 1)), GT));
        assertTrue(e.getMessage().startsWith("/1: field 'image_id'"), e.getMessage());
    }

    @Test
    void a_later_result_without_a_box_in_the_box_branch_is_refused() {
        CocoResult noBox = new CocoResult(1, 1, .5, Optional.empty(), Optional.of(new Segmentation.Mask(SQUARE)), Optional.empty());
        ValidationException e = assertThrows(ValidationException.class,
                () -> LoadResults.load(List.of(CocoResult.ofBox(1, 1, .5, 0, 0, 1, 1), noBox), GT));
        assertTrue(e.getMessage().startsWith("/1: field 'bbox'"), e.getMessage());
    }
}
