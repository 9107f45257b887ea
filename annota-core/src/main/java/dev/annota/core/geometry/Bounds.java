package dev.annota.core.geometry;

import java.util.Collection;

/** Tight bounding boxes of point sets. */
final class Bounds {
    private Bounds() {
    }

    static PixelBox of(Collection<Point> points) {
        double x1 = Double.POSITIVE_INFINITY, y1 = Double.POSITIVE_INFINITY;
        double x2 = Double.NEGATIVE_INFINITY, y2 = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            x1 = Math.min(x1, p.x());
            y1 = Math.min(y1, p.y());
            x2 = Math.max(x2, p.x());
            y2 = Math.max(y2, p.y());
        }
        if (x1 > x2) {
            return new PixelBox(0, 0, 0, 0);
        }
        return PixelBox.fromCorners(x1, y1, x2, y2);
    }
}
