package dev.annota.core.annotation;

import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Predicate;

/** Geometry helpers for {@link ImageBounds}: the image rectangle is [0, width] × [0, height], borders included. */
final class Clipping {
    private Clipping() {
    }

    static boolean inside(Point p, ImageSize size) {
        return p.x() >= 0 && p.y() >= 0 && p.x() <= size.width() && p.y() <= size.height();
    }

    static Point clamp(Point p, ImageSize size) {
        if (inside(p, size)) {
            return p;
        }
        return new Point(Math.max(0, Math.min(size.width(), p.x())), Math.max(0, Math.min(size.height(), p.y())));
    }

    static List<Point> clamp(List<Point> points, ImageSize size) {
        return points.stream().map(p -> clamp(p, size)).toList();
    }

    /**
     * The part of a closed ring inside the image (Sutherland–Hodgman against the four borders), without
     * repeated consecutive points; empty when fewer than 3 points or no area remain.
     */
    static List<Point> clipRing(List<Point> ring, ImageSize size) {
        double w = size.width(), h = size.height();
        List<Point> out = clipEdge(ring, p -> p.x() >= 0, (a, b) -> atX(a, b, 0));
        out = clipEdge(out, p -> p.x() <= w, (a, b) -> atX(a, b, w));
        out = clipEdge(out, p -> p.y() >= 0, (a, b) -> atY(a, b, 0));
        out = clipEdge(out, p -> p.y() <= h, (a, b) -> atY(a, b, h));
        List<Point> dedup = new ArrayList<>(out.size());
        for (Point p : out) {
            if (dedup.isEmpty() || !dedup.get(dedup.size() - 1).equals(p)) {
                dedup.add(p);
            }
        }
        while (dedup.size() > 1 && dedup.get(0).equals(dedup.get(dedup.size() - 1))) {
            dedup.remove(dedup.size() - 1);
        }
        if (dedup.size() < 3 || Polygon.of(dedup).area() == 0) {
            return List.of();
        }
        return List.copyOf(dedup);
    }

    /** Whether the segment a–b touches the image rectangle (Liang–Barsky). */
    static boolean segmentTouches(Point a, Point b, ImageSize size) {
        double dx = b.x() - a.x(), dy = b.y() - a.y();
        double[] p = {-dx, dx, -dy, dy};
        double[] q = {a.x(), size.width() - a.x(), a.y(), size.height() - a.y()};
        double t0 = 0, t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (p[i] == 0) {
                if (q[i] < 0) {
                    return false;
                }
                continue;
            }
            double t = q[i] / p[i];
            if (p[i] < 0) {
                t0 = Math.max(t0, t);
            } else {
                t1 = Math.min(t1, t);
            }
            if (t0 > t1) {
                return false;
            }
        }
        return true;
    }

    /** A number as written in messages: whole numbers without ".0". */
    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    static String point(Point p) {
        return "(" + num(p.x()) + ", " + num(p.y()) + ")";
    }

    private static List<Point> clipEdge(List<Point> in, Predicate<Point> keep, BinaryOperator<Point> cross) {
        List<Point> out = new ArrayList<>(in.size() + 4);
        int n = in.size();
        for (int i = 0; i < n; i++) {
            Point prev = in.get((i + n - 1) % n), cur = in.get(i);
            boolean curIn = keep.test(cur), prevIn = keep.test(prev);
            if (curIn) {
                if (!prevIn) {
                    out.add(cross.apply(prev, cur));
                }
                out.add(cur);
            } else if (prevIn) {
                out.add(cross.apply(prev, cur));
            }
        }
        return out;
    }

    private static Point atX(Point a, Point b, double x) {
        double t = (x - a.x()) / (b.x() - a.x());
        return new Point(x, a.y() + t * (b.y() - a.y()));
    }

    private static Point atY(Point a, Point b, double y) {
        double t = (y - a.y()) / (b.y() - a.y());
        return new Point(a.x() + t * (b.x() - a.x()), y);
    }
}
