package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PixelBoxTest {
    @Property
    void normalising_and_back_gives_the_same_box(@ForAll @DoubleRange(min = 0, max = 1000) double x,
                                                 @ForAll @DoubleRange(min = 0, max = 1000) double y,
                                                 @ForAll @DoubleRange(min = 0, max = 500) double w,
                                                 @ForAll @DoubleRange(min = 0, max = 500) double h,
                                                 @ForAll @IntRange(min = 1, max = 8000) int iw,
                                                 @ForAll @IntRange(min = 1, max = 8000) int ih) {
        PixelBox box = new PixelBox(x, y, w, h);
        ImageSize size = new ImageSize(iw, ih);
        PixelBox back = box.normalize(size).toPixels(size);
        assertEquals(box.x(), back.x(), 1e-9 * Math.max(1, x));
        assertEquals(box.y(), back.y(), 1e-9 * Math.max(1, y));
        assertEquals(box.width(), back.width(), 1e-9 * Math.max(1, w));
        assertEquals(box.height(), back.height(), 1e-9 * Math.max(1, h));
    }

    @Test
    void a_yolo_centre_box_converts_to_coco_pixels() {
        NormalizedBox yolo = NormalizedBox.fromCentre(0.5, 0.25, 0.2, 0.1);
        // centre (0.5, 0.25) and size (0.2, 0.1) of a 640x640 image: corner (0.4, 0.2) * 640
        assertEquals(new PixelBox(256, 128, 128, 64), yolo.toPixels(new ImageSize(640, 640)));
        assertEquals(0.5, yolo.centreX(), 1e-15);
    }

    @Test
    void area_intersection_union_and_clip_follow_coco_semantics() {
        PixelBox a = new PixelBox(0, 0, 10, 10);
        PixelBox b = new PixelBox(5, 5, 10, 10);
        assertEquals(100, a.area());
        assertEquals(25, a.intersectionArea(b));
        assertEquals(0, a.intersectionArea(new PixelBox(10, 0, 5, 5)), "touching boxes do not overlap");
        assertEquals(new PixelBox(0, 0, 15, 15), a.union(b));
        assertEquals(new PixelBox(5, 5, 5, 3), b.clip(new ImageSize(10, 8)));
        assertTrue(a.isInside(new ImageSize(10, 10)));
        assertFalse(b.isInside(new ImageSize(10, 10)));
        assertEquals(new PixelBox(1, 2, 3, 4), PixelBox.fromCorners(4, 6, 1, 2));
        assertEquals(new PixelBox(0, 0, 0, 0), PixelBox.around(List.of()));
        assertEquals(new PixelBox(1, 2, 4, 6), PixelBox.around(List.of(new Point(5, 2), new Point(1, 8))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "NaN x,            NaN, 0, 1, 1, x",
        "infinite y,       0, Infinity, 1, 1, y",
        "negative width,   0, 0, -1, 1, width",
        "negative height,  0, 0, 1, -2, height",
    })
    void rejects_a_bad_coordinate_naming_the_field(String rule, double x, double y, double w, double h, String field) {
        ValidationException e = assertThrows(ValidationException.class, () -> new PixelBox(x, y, w, h));
        assertEquals(field, e.errors().get(0).field());
    }

    @Test
    void flat_coco_lists_must_hold_pairs_and_triples() {
        ValidationException odd = assertThrows(ValidationException.class, () -> Polygon.fromFlat(List.of(new double[] {1, 2, 3})));
        assertEquals("parts[0]", odd.errors().get(0).field());
        ValidationException kp = assertThrows(ValidationException.class, () -> Keypoints.fromFlat(new double[] {1, 2}));
        assertEquals("keypoints", kp.errors().get(0).field());
        ValidationException vis = assertThrows(ValidationException.class, () -> Keypoints.fromFlat(new double[] {1, 2, 5}));
        assertEquals("visibility", vis.errors().get(0).field());
        assertThrows(ValidationException.class, () -> new ImageSize(0, 10));
    }
}
