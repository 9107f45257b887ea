package dev.annota.infer.decode;

import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outlines of a binary mask: the outer boundary of every 4-connected region, traced along pixel edges (so a
 * ring encloses exactly the region's pixels, holes aside), then simplified with Douglas–Peucker.
 */
public final class MaskContours {
    // directions clockwise on screen (y down): east, south, west, north
    private static final int[] DX = {1, 0, -1, 0};
    private static final int[] DY = {0, 1, 0, -1};

    private MaskContours() {
    }

    /** The outlines of regions of at least {@code minArea} pixels as one polygon; empty when there are none. */
    public static Optional<Polygon> polygon(Rle mask, double tolerance, int minArea) {
        List<List<Point>> parts = outlines(mask.toBitmap(), mask.width(), mask.height(), tolerance, minArea);
        return parts.isEmpty() ? Optional.empty() : Optional.of(new Polygon(parts));
    }

    /** One ring of corner points per region (row-major bitmap), largest region first. */
    public static List<List<Point>> outlines(boolean[] bitmap, int width, int height, double tolerance, int minArea) {
        int[] region = new int[width * height];
        List<int[]> starts = new ArrayList<>(); // {start pixel, area}
        int[] stack = new int[width * height];
        int next = 0;
        for (int i = 0; i < bitmap.length; i++) {
            if (bitmap[i] && region[i] == 0) {
                next++;
                int area = fill(bitmap, region, width, height, i, next, stack);
                starts.add(new int[] {i, area, next});
            }
        }
        starts.sort((a, b) -> Integer.compare(b[1], a[1]));
        List<List<Point>> out = new ArrayList<>();
        for (int[] s : starts) {
            if (s[1] < Math.max(1, minArea)) {
                continue;
            }
            List<Point> ring = simplify(trace(region, width, height, s[0] % width, s[0] / width, s[2]), tolerance);
            if (ring.size() >= 3) {
                out.add(ring);
            }
        }
        return out;
    }

    private static int fill(boolean[] bitmap, int[] region, int w, int h, int start, int id, int[] stack) {
        int top = 0;
        stack[top++] = start;
        region[start] = id;
        int area = 0;
        while (top > 0) {
            int p = stack[--top];
            area++;
            int x = p % w;
            int y = p / w;
            if (x > 0 && bitmap[p - 1] && region[p - 1] == 0) {
                region[p - 1] = id;
                stack[top++] = p - 1;
            }
            if (x < w - 1 && bitmap[p + 1] && region[p + 1] == 0) {
                region[p + 1] = id;
                stack[top++] = p + 1;
            }
            if (y > 0 && bitmap[p - w] && region[p - w] == 0) {
                region[p - w] = id;
                stack[top++] = p - w;
            }
            if (y < h - 1 && bitmap[p + w] && region[p + w] == 0) {
                region[p + w] = id;
                stack[top++] = p + w;
            }
        }
        return area;
    }

    /**
     * Walks the pixel edges with the region on the right, from the top-left corner of its first pixel in
     * raster order (which lies on the outer boundary), recording corners only.
     */
    private static List<Point> trace(int[] region, int w, int h, int x0, int y0, int id) {
        // the start corner touches no other pixel of the region (those above and to the left come earlier in
        // raster order), so the boundary passes it once: arriving northwards, leaving eastwards
        List<Point> ring = new ArrayList<>();
        ring.add(new Point(x0, y0));
        int x = x0 + 1;
        int y = y0;
        int dir = 0;
        while (x != x0 || y != y0) {
            boolean right = at(region, w, h, aheadRightX(x, dir), aheadRightY(y, dir)) == id;
            boolean left = at(region, w, h, aheadLeftX(x, dir), aheadLeftY(y, dir)) == id;
            int turn = !right ? 1 : left ? 3 : 0;
            if (turn != 0) {
                ring.add(new Point(x, y));
                dir = (dir + turn) % 4;
            }
            x += DX[dir];
            y += DY[dir];
        }
        return ring;
    }

    // pixels ahead of corner (x, y) when moving in dir: on the right and on the left of the edge ahead
    private static int aheadRightX(int x, int dir) {
        return dir == 0 || dir == 3 ? x : x - 1;
    }

    private static int aheadRightY(int y, int dir) {
        return dir == 0 || dir == 1 ? y : y - 1;
    }

    private static int aheadLeftX(int x, int dir) {
        return dir == 0 || dir == 1 ? x : x - 1;
    }

    private static int aheadLeftY(int y, int dir) {
        return dir == 1 || dir == 2 ? y : y - 1;
    }

    private static int at(int[] region, int w, int h, int x, int y) {
        return x < 0 || y < 0 || x >= w || y >= h ? 0 : region[y * w + x];
    }

    /** Douglas–Peucker on a closed ring (anchored at its first point and the point farthest from it). */
    static List<Point> simplify(List<Point> ring, double tolerance) {
        if (tolerance <= 0 || ring.size() <= 4) {
            return ring;
        }
        int far = 0;
        double best = -1;
        Point p0 = ring.get(0);
        for (int i = 1; i < ring.size(); i++) {
            double d = Math.hypot(ring.get(i).x() - p0.x(), ring.get(i).y() - p0.y());
            if (d > best) {
                best = d;
                far = i;
            }
        }
        List<Point> closed = new ArrayList<>(ring);
        closed.add(p0);
        boolean[] keep = new boolean[closed.size()];
        keep[0] = true;
        keep[far] = true;
        keep[closed.size() - 1] = true;
        mark(closed, 0, far, tolerance, keep);
        mark(closed, far, closed.size() - 1, tolerance, keep);
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < closed.size() - 1; i++) {
            if (keep[i]) {
                out.add(closed.get(i));
            }
        }
        return out;
    }

    private static void mark(List<Point> pts, int a, int b, double tol, boolean[] keep) {
        if (b - a < 2) {
            return;
        }
        Point pa = pts.get(a);
        Point pb = pts.get(b);
        double dx = pb.x() - pa.x();
        double dy = pb.y() - pa.y();
        double len = Math.hypot(dx, dy);
        int idx = -1;
        double max = -1;
        for (int i = a + 1; i < b; i++) {
            Point p = pts.get(i);
            double d = len == 0 ? Math.hypot(p.x() - pa.x(), p.y() - pa.y())
                    : Math.abs(dy * (p.x() - pa.x()) - dx * (p.y() - pa.y())) / len;
            if (d > max) {
                max = d;
                idx = i;
            }
        }
        if (max > tol) {
            keep[idx] = true;
            mark(pts, a, idx, tol, keep);
            mark(pts, idx, b, tol, keep);
        }
    }
}
