package dev.annota.testkit.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.RotatedBox;
import org.junit.jupiter.api.Test;

class AnalyticShapeTest {

    @Test
    void a_circle_holds_its_centre_and_not_a_point_just_past_its_radius() {
        CircleShape c = new CircleShape(10, 10, 5);
        assertTrue(c.contains(10, 10));
        assertTrue(c.contains(15, 10));
        assertFalse(c.contains(15.001, 10));
        assertEquals(Outlines.CURVE_VERTICES, c.outline().parts().get(0).size());
        assertEquals(new PixelBox(5, 5, 10, 10), c.bounds());
    }

    @Test
    void an_ellipse_rotated_a_quarter_turn_swaps_its_axes() {
        EllipseShape e = new EllipseShape(0, 0, 10, 3, 90);
        assertTrue(e.contains(0, 9.9));
        assertFalse(e.contains(9.9, 0));
        PixelBox b = e.bounds();
        assertEquals(6, b.width(), 1e-9);
        assertEquals(20, b.height(), 1e-9);
        assertEquals(Math.PI * 30, e.toEllipse().area(), 1e-9);
    }

    @Test
    void an_unrotated_rectangle_has_its_corners_as_keypoints_clockwise_from_top_left() {
        RectangleShape r = new RectangleShape(new RotatedBox(10, 20, 8, 4, 0));
        assertEquals(new Point(6, 18), r.keypoints().get(0));
        assertEquals(new Point(14, 18), r.keypoints().get(1));
        assertEquals(new Point(14, 22), r.keypoints().get(2));
        assertTrue(r.contains(7, 19));
        assertFalse(r.contains(15, 19));
        assertEquals(new PixelBox(6, 18, 8, 4), r.bounds());
    }

    @Test
    void a_star_has_five_tips_at_its_outer_radius_and_ten_outline_vertices() {
        StarShape s = new StarShape(50, 50, 20, 8, 0);
        assertEquals(10, s.outline().parts().get(0).size());
        assertEquals(5, s.keypoints().size());
        Point first = s.keypoints().get(0);
        assertEquals(50, first.x(), 1e-9);
        assertEquals(30, first.y(), 1e-9);
        assertTrue(s.contains(50, 50));
        assertTrue(s.contains(50, 32));
        // between two tips, beyond the inner radius, is outside
        Point between = Outlines.polar(50, 50, 15, 36);
        assertFalse(s.contains(between.x(), between.y()));
    }

    @Test
    void a_triangle_holds_its_inside_only() {
        TriangleShape t = new TriangleShape(new Point(0, 0), new Point(10, 0), new Point(0, 10));
        assertTrue(t.contains(2, 2));
        assertFalse(t.contains(6, 6));
    }

    @Test
    void rejects_degenerate_shapes() {
        assertThrows(ValidationException.class,
                () -> new TriangleShape(new Point(0, 0), new Point(1, 1), new Point(2, 2)));
        assertThrows(ValidationException.class, () -> new CircleShape(0, 0, 0));
        assertThrows(ValidationException.class, () -> new StarShape(0, 0, 5, 6, 0));
    }
}
