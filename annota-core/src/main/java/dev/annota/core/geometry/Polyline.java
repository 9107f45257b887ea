package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.List;

/** An open line through at least 2 points, in pixel coordinates. */
public record Polyline(List<Point> points) {
    public Polyline {
        if (points.size() < 2) {
            throw ValidationException.of("points", points.size() + " points", "expected a polyline with at least 2 points");
        }
        points = List.copyOf(points);
    }

    public double length() {
        double len = 0;
        for (int i = 1; i < points.size(); i++) {
            len += Math.hypot(points.get(i).x() - points.get(i - 1).x(), points.get(i).y() - points.get(i - 1).y());
        }
        return len;
    }

    public PixelBox boundingBox() {
        return Bounds.of(points);
    }
}
