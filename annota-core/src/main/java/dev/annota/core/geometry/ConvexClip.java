package dev.annota.core.geometry;

import java.util.ArrayList;
import java.util.List;

/** Exact intersection of convex polygons (Sutherland–Hodgman clipping) and shoelace areas. */
final class ConvexClip {
    private ConvexClip() {
    }

    /** Area of the intersection of two convex rings, in either orientation. */
    static double intersectionArea(List<Point> subject, List<Point> clip) {
        List<Point> out = counterClockwise(subject);
        List<Point> c = counterClockwise(clip);
        int n = c.size();
        for (int i = 0; i < n && !out.isEmpty(); i++) {
            out = clipByEdge(out, c.get(i), c.get((i + 1) % n));
        }
        return out.size() < 3 ? 0 : Math.abs(Polygon.signedArea(out));
    }

    /** The ring with positive shoelace area (counter-clockwise with y up, clockwise on screen). */
    private static List<Point> counterClockwise(List<Point> ring) {
        if (Polygon.signedArea(ring) >= 0) {
            return ring;
        }
        List<Point> reversed = new ArrayList<>(ring);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    /** Keeps the part of {@code ring} on the left of (or on) the directed line a→b. */
    private static List<Point> clipByEdge(List<Point> ring, Point a, Point b) {
        List<Point> out = new ArrayList<>(ring.size() + 2);
        int n = ring.size();
        for (int i = 0; i < n; i++) {
            Point p = ring.get(i), q = ring.get((i + 1) % n);
            double sp = side(a, b, p), sq = side(a, b, q);
            if (sp >= 0) {
                out.add(p);
            }
            if ((sp >= 0) != (sq >= 0)) {
                double t = sp / (sp - sq);
                out.add(new Point(p.x() + t * (q.x() - p.x()), p.y() + t * (q.y() - p.y())));
            }
        }
        return out;
    }

    /** Twice the signed area of triangle (a, b, p): positive when p is on the left of a→b. */
    private static double side(Point a, Point b, Point p) {
        return (b.x() - a.x()) * (p.y() - a.y()) - (b.y() - a.y()) * (p.x() - a.x());
    }
}
