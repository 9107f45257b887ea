package dev.annota.testkit.shapes;

import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.List;

/**
 * An ellipse with core's {@link Ellipse} conventions: centre, radii before rotation, and a clockwise rotation
 * in degrees (y down). Its keypoint is the centre.
 */
public record EllipseShape(double cx, double cy, double rx, double ry, double angleDegrees) implements AnalyticShape {
    public EllipseShape {
        Shapes.finite("cx", cx);
        Shapes.finite("cy", cy);
        Shapes.positive("rx", rx);
        Shapes.positive("ry", ry);
        Shapes.finite("angle", angleDegrees);
    }

    @Override
    public ShapeClass shapeClass() {
        return ShapeClass.ELLIPSE;
    }

    @Override
    public boolean contains(double x, double y) {
        return Region.of(this).contains(x, y);
    }

    /**
     * The same ellipse as core's {@link Ellipse}. Its own {@code contains} uses {@link Math} trigonometry and may
     * differ from this shape's by rounding on the boundary; this shape's {@link #contains} is the one painted.
     */
    public Ellipse toEllipse() {
        return new Ellipse(cx, cy, rx, ry, angleDegrees);
    }

    @Override
    public Polygon outline() {
        return Polygon.of(Outlines.ellipse(cx, cy, rx, ry, angleDegrees));
    }

    @Override
    public PixelBox bounds() {
        double a = Math.toRadians(angleDegrees);
        double cos = StrictMath.cos(a), sin = StrictMath.sin(a);
        double hx = Math.sqrt(rx * cos * rx * cos + ry * sin * ry * sin);
        double hy = Math.sqrt(rx * sin * rx * sin + ry * cos * ry * cos);
        return PixelBox.fromCorners(cx - hx, cy - hy, cx + hx, cy + hy);
    }

    @Override
    public List<Point> keypoints() {
        return List.of(new Point(cx, cy));
    }
}
