package dev.annota.core.geometry;

import java.util.ArrayList;
import java.util.List;

/** An ellipse: centre, the two radii before rotation, and a clockwise rotation in degrees (y down). */
public record Ellipse(double cx, double cy, double rx, double ry, double angleDegrees) {
    public Ellipse {
        Checks.finite("cx", cx);
        Checks.finite("cy", cy);
        Checks.nonNegative("rx", rx);
        Checks.nonNegative("ry", ry);
        Checks.finite("angle", angleDegrees);
    }

    public double area() {
        return Math.PI * rx * ry;
    }

    /** The exact tight box of the rotated ellipse. */
    public PixelBox boundingBox() {
        double a = Math.toRadians(angleDegrees);
        double hx = Math.sqrt(Math.pow(rx * Math.cos(a), 2) + Math.pow(ry * Math.sin(a), 2));
        double hy = Math.sqrt(Math.pow(rx * Math.sin(a), 2) + Math.pow(ry * Math.cos(a), 2));
        return PixelBox.fromCorners(cx - hx, cy - hy, cx + hx, cy + hy);
    }

    /** The ellipse as a polygon with {@code segments} vertices (at least 8). */
    public Polygon toPolygon(int segments) {
        int n = Math.max(8, segments);
        double a = Math.toRadians(angleDegrees);
        double cos = Math.cos(a), sin = Math.sin(a);
        List<Point> pts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double t = 2 * Math.PI * i / n;
            double dx = rx * Math.cos(t), dy = ry * Math.sin(t);
            pts.add(new Point(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos));
        }
        return Polygon.of(pts);
    }

    /** True when (x, y) lies inside or on the ellipse. */
    public boolean contains(double x, double y) {
        if (rx == 0 || ry == 0) {
            return false;
        }
        double a = Math.toRadians(angleDegrees);
        double dx = x - cx, dy = y - cy;
        double u = dx * Math.cos(a) + dy * Math.sin(a);
        double v = -dx * Math.sin(a) + dy * Math.cos(a);
        return (u * u) / (rx * rx) + (v * v) / (ry * ry) <= 1;
    }
}
