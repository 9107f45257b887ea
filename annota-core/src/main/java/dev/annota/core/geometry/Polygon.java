package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;

/**
 * A polygon made of one or more parts (COCO allows several disjoint outlines per object). Each part is a
 * closed ring of at least 3 points, in pixel coordinates; the closing edge is implied.
 */
public record Polygon(List<List<Point>> parts) {
    public Polygon {
        if (parts.isEmpty()) {
            throw ValidationException.of("parts", "[]", "expected at least one polygon part");
        }
        List<List<Point>> copy = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            List<Point> part = parts.get(i);
            if (part.size() < 3) {
                throw ValidationException.of("parts[" + i + "]", part.size() + " points",
                        "expected a polygon part with at least 3 points");
            }
            copy.add(List.copyOf(part));
        }
        parts = List.copyOf(copy);
    }

    /** A one-part polygon. */
    public static Polygon of(List<Point> points) {
        return new Polygon(List.of(points));
    }

    /** A polygon from COCO's flat lists {@code [[x1,y1,x2,y2,...], ...]}. */
    public static Polygon fromFlat(List<double[]> flatParts) {
        List<List<Point>> parts = new ArrayList<>(flatParts.size());
        for (int i = 0; i < flatParts.size(); i++) {
            double[] xy = flatParts.get(i);
            if (xy.length % 2 != 0) {
                throw ValidationException.of("parts[" + i + "]", xy.length + " numbers",
                        "expected an even count of coordinates (x,y pairs)");
            }
            List<Point> pts = new ArrayList<>(xy.length / 2);
            for (int k = 0; k < xy.length; k += 2) {
                pts.add(new Point(xy[k], xy[k + 1]));
            }
            parts.add(pts);
        }
        return new Polygon(parts);
    }

    /** Each part as a flat {@code [x1,y1,x2,y2,...]} array, as COCO writes it. */
    public List<double[]> toFlat() {
        List<double[]> out = new ArrayList<>(parts.size());
        for (List<Point> part : parts) {
            double[] xy = new double[part.size() * 2];
            for (int k = 0; k < part.size(); k++) {
                xy[2 * k] = part.get(k).x();
                xy[2 * k + 1] = part.get(k).y();
            }
            out.add(xy);
        }
        return out;
    }

    /** The geometric area (shoelace formula), summing parts; parts are assumed not to overlap. */
    public double area() {
        double total = 0;
        for (List<Point> part : parts) {
            total += Math.abs(signedArea(part));
        }
        return total;
    }

    static double signedArea(List<Point> ring) {
        double s = 0;
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            Point a = ring.get(i), b = ring.get((i + 1) % n);
            s += a.x() * b.y() - b.x() * a.y();
        }
        return s / 2;
    }

    /**
     * True when (x, y) lies inside the polygon with COCO's reading of it: inside a part by crossing parity
     * (even-odd, so a self-crossing part has holes where it overlaps itself), and inside the polygon when
     * inside any part. Points exactly on an edge may fall either way.
     */
    public boolean contains(double x, double y) {
        for (List<Point> part : parts) {
            if (ringContains(part, x, y)) {
                return true;
            }
        }
        return false;
    }

    private static boolean ringContains(List<Point> ring, double x, double y) {
        boolean inside = false;
        int n = ring.size();
        for (int i = 0, j = n - 1; i < n; j = i++) {
            Point a = ring.get(i), b = ring.get(j);
            if ((a.y() > y) != (b.y() > y)
                    && x < (b.x() - a.x()) * (y - a.y()) / (b.y() - a.y()) + a.x()) {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The tight box around every point. */
    public PixelBox boundingBox() {
        return Bounds.of(parts.stream().flatMap(List::stream).toList());
    }
}
