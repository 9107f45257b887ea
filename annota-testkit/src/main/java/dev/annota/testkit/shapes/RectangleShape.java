package dev.annota.testkit.shapes;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.RotatedBox;
import java.util.List;
import java.util.Objects;

/**
 * A rectangle, possibly rotated, as core's {@link RotatedBox}. It is painted as the polygon of
 * {@link #corners()}; its keypoints are those four corners.
 */
public record RectangleShape(RotatedBox box) implements AnalyticShape {
    public RectangleShape {
        Objects.requireNonNull(box, "box");
        Shapes.positive("width", box.width());
        Shapes.positive("height", box.height());
    }

    @Override
    public ShapeClass shapeClass() {
        return ShapeClass.RECTANGLE;
    }

    /**
     * The four corners in {@link RotatedBox#corners()} order (the corner that is top-left before rotation,
     * then clockwise on screen), computed with {@link StrictMath}.
     */
    public List<Point> corners() {
        double a = Math.toRadians(box.angleDegrees());
        double cos = StrictMath.cos(a), sin = StrictMath.sin(a);
        double hw = box.width() / 2, hh = box.height() / 2;
        double[][] local = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        Point[] out = new Point[4];
        for (int i = 0; i < 4; i++) {
            double dx = local[i][0], dy = local[i][1];
            out[i] = new Point(box.cx() + dx * cos - dy * sin, box.cy() + dx * sin + dy * cos);
        }
        return List.of(out);
    }

    @Override
    public boolean contains(double x, double y) {
        return Region.of(this).contains(x, y);
    }

    @Override
    public Polygon outline() {
        return Polygon.of(corners());
    }

    @Override
    public PixelBox bounds() {
        return Outlines.box(corners());
    }

    @Override
    public List<Point> keypoints() {
        return corners();
    }
}
