package dev.annota.core.annotation;

import static dev.annota.core.annotation.Fixtures.CAR;
import static dev.annota.core.annotation.Fixtures.PERSON;
import static dev.annota.core.annotation.Fixtures.errorsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundsPolicyTest {
    private static final ImageSize IMAGE = new ImageSize(100, 100);

    private static Point p(double x, double y) {
        return new Point(x, y);
    }

    @Test
    void clips_a_box_that_reaches_past_the_edges() {
        BoxAnnotation box = BoxAnnotation.of(CAR, new PixelBox(-10, 90, 50, 30));
        assertEquals(new PixelBox(0, 90, 40, 10), BoundsPolicy.CLIP.apply(box, IMAGE).box());
    }

    @Test
    void returns_geometry_already_inside_unchanged_under_both_policies() {
        BoxAnnotation box = BoxAnnotation.of(CAR, new PixelBox(0, 0, 100, 100));
        assertSame(box, BoundsPolicy.CLIP.apply(box, IMAGE));
        assertSame(box, BoundsPolicy.REJECT.apply(box, IMAGE));
        PolygonAnnotation poly = PolygonAnnotation.of(CAR, Polygon.of(List.of(p(0, 0), p(100, 0), p(100, 100))));
        assertSame(poly, BoundsPolicy.CLIP.apply(poly, IMAGE));
    }

    @Test
    void keeps_the_rest_of_the_annotation_when_clipping() {
        BoxAnnotation box = new BoxAnnotation(AnnotationInfo.of(CAR).withConfidence(0.7).withZOrder(3),
                new PixelBox(90, 90, 20, 20));
        assertEquals(box.info(), BoundsPolicy.CLIP.apply(box, IMAGE).info());
    }

    @Test
    void cuts_a_polygon_to_the_image_exactly_rather_than_clamping_its_points() {
        // a tall triangle whose hypotenuse leaves through the bottom edge at x = 90
        PolygonAnnotation tri = PolygonAnnotation.of(CAR, Polygon.of(List.of(p(0, 0), p(100, 0), p(0, 1000))));
        Polygon clipped = BoundsPolicy.CLIP.apply(tri, IMAGE).polygon();
        assertEquals(9500, clipped.area(), 1e-9);
        assertEquals(new PixelBox(0, 0, 100, 100), clipped.boundingBox());
    }

    @Test
    void drops_polygon_parts_left_outside_and_keeps_the_others() {
        Polygon twoParts = new Polygon(List.of(
                List.of(p(10, 10), p(20, 10), p(20, 20)),
                List.of(p(200, 200), p(300, 200), p(300, 300))));
        Polygon clipped = BoundsPolicy.CLIP.apply(PolygonAnnotation.of(CAR, twoParts), IMAGE).polygon();
        assertEquals(List.of(twoParts.parts().get(0)), clipped.parts());
    }

    @Test
    void a_polygon_left_without_area_is_an_error_under_clip() {
        PolygonAnnotation outside = PolygonAnnotation.of(CAR, Polygon.of(List.of(p(100, 0), p(150, 0), p(150, 50))));
        List<FieldError> errors = errorsOf(() -> BoundsPolicy.CLIP.apply(outside, IMAGE));
        assertEquals("polygon", errors.get(0).field());
    }

    @Test
    void clamps_points_and_labelled_keypoints_but_leaves_absent_keypoints_alone() {
        PointsAnnotation pts = PointsAnnotation.of(CAR, List.of(p(-5, 50), p(50, 50), p(120, 130)));
        assertEquals(List.of(p(0, 50), p(50, 50), p(100, 100)), BoundsPolicy.CLIP.apply(pts, IMAGE).points());

        Keypoint absent = new Keypoint(p(-40, -40), Visibility.ABSENT);
        KeypointsAnnotation kps = KeypointsAnnotation.of(PERSON,
                new Keypoints(List.of(Keypoint.visible(50, 150), absent, Keypoint.occluded(-1, 10))));
        assertEquals(List.of(Keypoint.visible(50, 100), absent, Keypoint.occluded(0, 10)),
                BoundsPolicy.CLIP.apply(kps, IMAGE).keypoints().points());
    }

    @Test
    void clamps_a_polyline_that_crosses_the_image_and_rejects_one_that_misses_it() {
        PolylineAnnotation crossing = PolylineAnnotation.of(CAR, new Polyline(List.of(p(-50, 50), p(150, 50))));
        assertEquals(List.of(p(0, 50), p(100, 50)), BoundsPolicy.CLIP.apply(crossing, IMAGE).polyline().points());
        PolylineAnnotation missing = PolylineAnnotation.of(CAR, new Polyline(List.of(p(150, -50), p(250, 50))));
        assertEquals("polyline", errorsOf(() -> BoundsPolicy.CLIP.apply(missing, IMAGE)).get(0).field());
    }

    @Test
    void keeps_rotated_boxes_and_ellipses_that_overlap_under_clip_and_rejects_them_under_reject() {
        RotatedBoxAnnotation rot = RotatedBoxAnnotation.of(CAR, new RotatedBox(95, 50, 20, 10, 45));
        assertSame(rot, BoundsPolicy.CLIP.apply(rot, IMAGE));
        assertEquals("rotated_box", errorsOf(() -> BoundsPolicy.REJECT.apply(rot, IMAGE)).get(0).field());
        EllipseAnnotation far = EllipseAnnotation.of(CAR, new Ellipse(500, 500, 10, 5, 0));
        assertEquals("ellipse", errorsOf(() -> BoundsPolicy.CLIP.apply(far, IMAGE)).get(0).field());
    }

    @Test
    void clamps_cuboid_vertices_under_clip() {
        Cuboid2D cuboid = new Cuboid2D(List.of(p(10, 10), p(10, 50), p(50, 10), p(50, 50)),
                List.of(p(30, 0), p(30, 40), p(110, 0), p(110, 40)));
        Cuboid2D clipped = BoundsPolicy.CLIP.apply(CuboidAnnotation.of(CAR, cuboid), IMAGE).cuboid();
        assertEquals(List.of(p(30, 0), p(30, 40), p(100, 0), p(100, 40)), clipped.back());
        assertEquals("cuboid.back[2]", errorsOf(() -> BoundsPolicy.REJECT.apply(CuboidAnnotation.of(CAR, cuboid), IMAGE))
                .get(0).field());
    }

    @Test
    void masks_must_match_the_image_size_under_both_policies() {
        MaskAnnotation fits = MaskAnnotation.of(CAR, Rle.empty(100, 100));
        assertSame(fits, BoundsPolicy.REJECT.apply(fits, IMAGE));
        MaskAnnotation transposed = MaskAnnotation.of(CAR, Rle.empty(100, 50));
        for (BoundsPolicy policy : BoundsPolicy.values()) {
            assertEquals("mask.size", errorsOf(() -> policy.apply(transposed, IMAGE)).get(0).field());
        }
    }

    @Test
    void tags_always_fit() {
        Tag tag = Tag.of(CAR);
        assertSame(tag, BoundsPolicy.REJECT.apply(tag, IMAGE));
    }

    @Test
    void apply_all_reports_the_errors_of_every_annotation_at_its_index() {
        List<Annotation> all = List.of(
                BoxAnnotation.of(CAR, new PixelBox(0, 0, 10, 10)),
                BoxAnnotation.of(CAR, new PixelBox(95, 0, 10, 10)),
                MaskAnnotation.of(CAR, Rle.empty(1, 1)));
        ValidationException e = assertThrows(ValidationException.class, () -> BoundsPolicy.REJECT.applyAll(all, IMAGE));
        assertEquals(List.of("annotations[1]", "annotations[2]"), e.errors().stream().map(FieldError::location).toList());
        assertEquals(new PixelBox(95, 0, 5, 10), ((BoxAnnotation) BoundsPolicy.CLIP.applyAll(all.subList(0, 2), IMAGE).get(1)).box());
    }
}
