package dev.annota.testkit.shapes;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.List;
import java.util.Objects;

/** A triangle given by its three vertices, which are also its keypoints. */
public record TriangleShape(Point a, Point b, Point c) implements AnalyticShape {
    public TriangleShape {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        double cross = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        if (cross == 0) {
            throw ValidationException.of("vertices", List.of(a, b, c), "expected a triangle with non-zero area");
        }
    }

    @Override
    public ShapeClass shapeClass() {
        return ShapeClass.TRIANGLE;
    }

    @Override
    public boolean contains(double x, double y) {
        return Region.of(this).contains(x, y);
    }

    @Override
    public Polygon outline() {
        return Polygon.of(keypoints());
    }

    @Override
    public PixelBox bounds() {
        return Outlines.box(keypoints());
    }

    @Override
    public List<Point> keypoints() {
        return List.of(a, b, c);
    }
}
