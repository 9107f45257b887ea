package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** Properties every IoU must have, for boxes, rotated boxes, polygons and masks. */
class IouPropertiesTest {
    private static final double TOL = 1e-9;

    @Provide
    Arbitrary<PixelBox> boxes() {
        Arbitrary<Double> pos = Arbitraries.doubles().between(-50, 50);
        Arbitrary<Double> size = Arbitraries.doubles().between(0.5, 40);
        return Combinators.combine(pos, pos, size, size).as(PixelBox::new);
    }

    @Provide
    Arbitrary<RotatedBox> rotated() {
        Arbitrary<Double> pos = Arbitraries.doubles().between(-20, 20);
        Arbitrary<Double> size = Arbitraries.doubles().between(0.5, 30);
        Arbitrary<Double> angle = Arbitraries.doubles().between(-360, 360);
        return Combinators.combine(pos, pos, size, size, angle).as(RotatedBox::new);
    }

    @Provide
    Arbitrary<Polygon> polygons() {
        return Arbitraries.longs().map(PolygonRasterizerTest::star);
    }

    @Provide
    Arbitrary<Rle> masks() {
        return Arbitraries.longs().map(RleOpsTest::mask);
    }

    private static void assertIouLaws(double ab, double ba, double aa) {
        assertEquals(ab, ba, TOL, "symmetric");
        assertTrue(ab >= 0 && ab <= 1, "in [0,1]: " + ab);
        assertEquals(1.0, aa, TOL, "iou(a, a) = 1");
    }

    @Property
    void box_iou_is_symmetric_bounded_and_one_with_itself(@ForAll("boxes") PixelBox a, @ForAll("boxes") PixelBox b) {
        assertIouLaws(Iou.boxes(a, b), Iou.boxes(b, a), Iou.boxes(a, a));
        assertTrue(Iou.boxes(a, b, true) >= Iou.boxes(a, b) - 1e-15, "crowd >= plain (up to rounding of da + ga - i)");
        assertEquals(Iou.boxes(a, b), Iou.rotatedBoxes(RotatedBox.of(a), RotatedBox.of(b)), TOL);
        assertEquals(Iou.boxes(a, b), Iou.polygons(RotatedBox.of(a).toPolygon(), RotatedBox.of(b).toPolygon()), TOL);
    }

    @Property
    void box_iou_of_a_box_inside_another_is_the_ratio_of_areas(@ForAll("boxes") PixelBox outer,
            @ForAll @DoubleRange(min = 0, max = 1) double fx, @ForAll @DoubleRange(min = 0, max = 1) double fy,
            @ForAll @DoubleRange(min = 0.05, max = 1) double fw, @ForAll @DoubleRange(min = 0.05, max = 1) double fh) {
        double w = outer.width() * fw, h = outer.height() * fh;
        PixelBox inner = new PixelBox(outer.x() + (outer.width() - w) * fx, outer.y() + (outer.height() - h) * fy, w, h);
        assertEquals(inner.area() / outer.area(), Iou.boxes(inner, outer), TOL);
        assertEquals(1.0, Iou.boxes(inner, outer, true), TOL, "a detection inside a crowd scores 1");
    }

    @Property
    void box_iou_of_disjoint_boxes_is_zero(@ForAll("boxes") PixelBox a, @ForAll @DoubleRange(min = 0, max = 10) double gap) {
        PixelBox right = new PixelBox(a.x2() + gap, a.y(), a.width(), a.height());
        assertEquals(0.0, Iou.boxes(a, right));
        assertEquals(0.0, Iou.boxes(a, right, true));
    }

    @Property
    void rotated_box_iou_is_symmetric_bounded_and_one_with_itself(@ForAll("rotated") RotatedBox a,
            @ForAll("rotated") RotatedBox b) {
        assertIouLaws(Iou.rotatedBoxes(a, b), Iou.rotatedBoxes(b, a), Iou.rotatedBoxes(a, a));
        assertEquals(Iou.polygons(a.toPolygon(), b.toPolygon()), Iou.rotatedBoxes(a, b), 1e-7, "clipping = Area");
    }

    @Property
    void rotated_box_iou_of_a_box_inside_another_is_the_ratio_of_areas(@ForAll("rotated") RotatedBox outer,
            @ForAll @DoubleRange(min = 0.05, max = 1) double f) {
        RotatedBox inner = new RotatedBox(outer.cx(), outer.cy(), outer.width() * f, outer.height(), outer.angleDegrees());
        assertEquals(inner.area() / outer.area(), Iou.rotatedBoxes(inner, outer), TOL);
    }

    @Property
    void rotated_box_iou_of_far_apart_boxes_is_zero(@ForAll("rotated") RotatedBox a, @ForAll("rotated") RotatedBox b) {
        RotatedBox far = new RotatedBox(b.cx() + 100, b.cy(), b.width(), b.height(), b.angleDegrees());
        assertEquals(0.0, Iou.rotatedBoxes(a, far));
    }

    @Property
    void polygon_iou_is_symmetric_bounded_and_one_with_itself(@ForAll("polygons") Polygon a,
            @ForAll("polygons") Polygon b) {
        assertIouLaws(Iou.polygons(a, b), Iou.polygons(b, a), Iou.polygons(a, a));
        assertEquals(a.area(), Iou.regionArea(a), 1e-9 * a.area());
    }

    @Property
    void polygon_iou_of_a_shrunk_copy_is_the_ratio_of_areas(@ForAll("polygons") Polygon outer,
            @ForAll @DoubleRange(min = 0.05, max = 1) double f) {
        // a star polygon scaled about its kernel point stays inside; the centroid of a triangle fan is not
        // always in the kernel, so scale about the first vertex's star centre: the mean of the vertices
        List<Point> ring = outer.parts().get(0);
        Point c = starCentre(ring);
        Polygon inner = Polygon.of(ring.stream()
                .map(p -> new Point(c.x() + (p.x() - c.x()) * f, c.y() + (p.y() - c.y()) * f)).toList());
        if (contained(inner, outer)) {
            assertEquals(inner.area() / outer.area(), Iou.polygons(inner, outer), 1e-9);
        }
    }

    @Property
    void polygon_iou_of_far_apart_polygons_is_zero(@ForAll("polygons") Polygon a, @ForAll("polygons") Polygon b) {
        Polygon far = Polygon.of(b.parts().get(0).stream().map(p -> new Point(p.x() + 100, p.y())).toList());
        assertEquals(0.0, Iou.polygons(a, far));
    }

    @Property
    void mask_iou_is_symmetric_bounded_and_one_with_itself(@ForAll("masks") Rle a, @ForAll("masks") Rle b) {
        double aa = a.area() == 0 ? 1 : Iou.masks(a, a);
        assertIouLaws(Iou.masks(a, b), Iou.masks(b, a), aa);
        assertTrue(Iou.masks(a, b, true) >= Iou.masks(a, b), "crowd >= plain");
        assertTrue(Iou.masks(a, b, true) <= 1);
    }

    @Property
    void mask_iou_of_a_mask_inside_another_is_the_ratio_of_areas(@ForAll("masks") Rle a, @ForAll("masks") Rle b) {
        Rle inner = RleOps.intersection(List.of(a, b));
        if (inner.area() > 0) {
            assertEquals((double) inner.area() / a.area(), Iou.masks(inner, a));
            assertEquals(1.0, Iou.masks(inner, a, true));
        }
        boolean[] left = a.toBitmap(), right = b.toBitmap();
        for (int i = 0; i < left.length; i++) {
            right[i] &= !left[i];
        }
        assertEquals(0.0, Iou.masks(a, Rle.fromBitmap(right, a.height(), a.width())), "disjoint");
    }

    /** The star generator's centre is where all vertices were drawn around; recover it as the kernel test point. */
    private static Point starCentre(List<Point> ring) {
        double x = 0, y = 0;
        for (Point p : ring) {
            x += p.x();
            y += p.y();
        }
        return new Point(x / ring.size(), y / ring.size());
    }

    private static boolean contained(Polygon inner, Polygon outer) {
        java.awt.geom.Area a = new java.awt.geom.Area(path(inner));
        a.subtract(new java.awt.geom.Area(path(outer)));
        return a.isEmpty();
    }

    private static java.awt.geom.Path2D path(Polygon p) {
        java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
        List<Point> ring = p.parts().get(0);
        path.moveTo(ring.get(0).x(), ring.get(0).y());
        ring.forEach(q -> path.lineTo(q.x(), q.y()));
        path.closePath();
        return path;
    }
}
