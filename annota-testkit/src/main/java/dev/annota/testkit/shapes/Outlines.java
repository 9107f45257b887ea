package dev.annota.testkit.shapes;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import java.util.ArrayList;
import java.util.List;

/** Vertex lists of the shapes, computed with {@link StrictMath} so that they are the same everywhere. */
final class Outlines {
    /** Vertices of the polygon that stands for a circle or an ellipse. */
    static final int CURVE_VERTICES = 64;

    private Outlines() {
    }

    /** {@link #CURVE_VERTICES} points on the ellipse, clockwise on screen (y down), starting on the rx axis. */
    static List<Point> ellipse(double cx, double cy, double rx, double ry, double angleDegrees) {
        double a = Math.toRadians(angleDegrees);
        double cos = StrictMath.cos(a), sin = StrictMath.sin(a);
        List<Point> pts = new ArrayList<>(CURVE_VERTICES);
        for (int i = 0; i < CURVE_VERTICES; i++) {
            double t = 2 * Math.PI * i / CURVE_VERTICES;
            double dx = rx * StrictMath.cos(t), dy = ry * StrictMath.sin(t);
            pts.add(new Point(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos));
        }
        return List.copyOf(pts);
    }

    /** A point at {@code radius} from the centre, at {@code degrees} clockwise from straight up. */
    static Point polar(double cx, double cy, double radius, double degrees) {
        double a = Math.toRadians(degrees - 90);
        return new Point(cx + radius * StrictMath.cos(a), cy + radius * StrictMath.sin(a));
    }

    /** The tight box of a vertex list. */
    static PixelBox box(List<Point> points) {
        return PixelBox.around(points);
    }
}
