package dev.annota.testkit.shapes;

import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.List;

/** A circle: centre and radius in pixels. Its keypoint is the centre. */
public record CircleShape(double cx, double cy, double radius) implements AnalyticShape {
    public CircleShape {
        Shapes.finite("cx", cx);
        Shapes.finite("cy", cy);
        Shapes.positive("radius", radius);
    }

    @Override
    public ShapeClass shapeClass() {
        return ShapeClass.CIRCLE;
    }

    @Override
    public boolean contains(double x, double y) {
        return Region.of(this).contains(x, y);
    }

    /** The circle as core's {@link Ellipse} (equal radii, no rotation). */
    public Ellipse toEllipse() {
        return new Ellipse(cx, cy, radius, radius, 0);
    }

    @Override
    public Polygon outline() {
        return Polygon.of(Outlines.ellipse(cx, cy, radius, radius, 0));
    }

    @Override
    public PixelBox bounds() {
        return PixelBox.fromCorners(cx - radius, cy - radius, cx + radius, cy + radius);
    }

    @Override
    public List<Point> keypoints() {
        return List.of(new Point(cx, cy));
    }
}
