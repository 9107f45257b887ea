package dev.annota.eval.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShapeAgreementTest {
    static Shape box(String image, String label, double x) {
        return new Shape(image, label, new Region.Box(new PixelBox(x, 0, 10, 10)));
    }

    // A1 sits exactly on B1; A2 overlaps only B1 well enough; A1 also overlaps B2 well enough.
    static final List<Shape> A = List.of(box("img", "car", 0), box("img", "car", -2));
    static final List<Shape> B = List.of(box("img", "car", 0), box("img", "car", 2));

    @Test
    void greedy_matching_takes_the_best_pair_first_and_can_leave_objects_unmatched() {
        ShapeAgreement.Result r = ShapeAgreement.compare(A, B, ShapeAgreement.Matching.GREEDY, 0.5);
        assertEquals(1, r.matched());
        assertEquals(1.0, r.meanIou(), 1e-12);
        assertEquals(List.of(1), r.unmatchedA());
        assertEquals(List.of(1), r.unmatchedB());
    }

    @Test
    void hungarian_matching_maximises_the_total_iou() {
        ShapeAgreement.Result r = ShapeAgreement.compare(A, B, ShapeAgreement.Matching.HUNGARIAN, 0.5);
        assertEquals(2, r.matched());
        assertEquals(8.0 / 12.0, r.meanIou(), 1e-12);
        assertEquals(List.of(), r.unmatchedA());
    }

    @Test
    void objects_match_only_within_the_same_image_and_label() {
        List<Shape> b = List.of(box("img", "bus", 0), box("other", "car", -2));
        ShapeAgreement.Result r = ShapeAgreement.compare(A, b, ShapeAgreement.Matching.HUNGARIAN, 0.1);
        assertEquals(0, r.matched());
        assertEquals(2, r.unmatchedA().size());
        assertEquals(2, r.unmatchedB().size());
        assertEquals(Double.NaN, r.meanIou());
    }

    @Test
    void masks_are_compared_by_their_pixels() {
        boolean[] left = new boolean[16], most = new boolean[16];
        for (int i = 0; i < 8; i++) {
            left[i] = true;
        }
        for (int i = 0; i < 12; i++) {
            most[i] = true;
        }
        Shape a = new Shape("img", "blob", new Region.Mask(Rle.fromBitmap(left, 4, 4)));
        Shape b = new Shape("img", "blob", new Region.Mask(Rle.fromBitmap(most, 4, 4)));
        ShapeAgreement.Result r = ShapeAgreement.compare(List.of(a), List.of(b), ShapeAgreement.Matching.GREEDY, 0.5);
        assertEquals(8.0 / 12.0, r.meanIou(), 1e-12);
    }
}
