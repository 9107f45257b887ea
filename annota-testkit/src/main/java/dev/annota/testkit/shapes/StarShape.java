package dev.annota.testkit.shapes;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.ArrayList;
import java.util.List;

/**
 * A five-pointed star: centre, the radius of the tips, the radius of the inner corners, and a clockwise
 * rotation in degrees (at 0 the first tip points straight up). Painted as the 10-vertex polygon of
 * {@link #vertices()}; its keypoints are the five tips.
 */
public record StarShape(double cx, double cy, double outerRadius, double innerRadius, double angleDegrees)
        implements AnalyticShape {
    /** Number of tips. */
    public static final int TIPS = 5;

    public StarShape {
        Shapes.finite("cx", cx);
        Shapes.finite("cy", cy);
        Shapes.positive("outerRadius", outerRadius);
        Shapes.positive("innerRadius", innerRadius);
        Shapes.finite("angle", angleDegrees);
        if (innerRadius >= outerRadius) {
            throw ValidationException.of("innerRadius", innerRadius, "expected less than outerRadius " + outerRadius);
        }
    }

    @Override
    public ShapeClass shapeClass() {
        return ShapeClass.STAR;
    }

    /** The 10 vertices, clockwise on screen: tip 1, inner corner, tip 2, inner corner, ... */
    public List<Point> vertices() {
        List<Point> pts = new ArrayList<>(2 * TIPS);
        for (int k = 0; k < TIPS; k++) {
            double tip = angleDegrees + k * 360.0 / TIPS;
            pts.add(Outlines.polar(cx, cy, outerRadius, tip));
            pts.add(Outlines.polar(cx, cy, innerRadius, tip + 180.0 / TIPS));
        }
        return List.copyOf(pts);
    }

    @Override
    public boolean contains(double x, double y) {
        return Region.of(this).contains(x, y);
    }

    @Override
    public Polygon outline() {
        return Polygon.of(vertices());
    }

    @Override
    public PixelBox bounds() {
        return Outlines.box(vertices());
    }

    @Override
    public List<Point> keypoints() {
        List<Point> v = vertices();
        List<Point> tips = new ArrayList<>(TIPS);
        for (int k = 0; k < TIPS; k++) {
            tips.add(v.get(2 * k));
        }
        return List.copyOf(tips);
    }
}
