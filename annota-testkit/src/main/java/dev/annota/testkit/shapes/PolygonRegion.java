package dev.annota.testkit.shapes;

import dev.annota.core.geometry.Point;
import java.util.Arrays;
import java.util.List;

/**
 * The even-odd (crossing number) test against one ring of vertices, which need not be convex. Rows are
 * painted as spans between the sorted edge crossings, computed with the very expression {@link #contains}
 * uses, so both give the same pixels. Not thread-safe (one instance paints one shape).
 */
final class PolygonRegion implements Region {
    private final double[] xs;
    private final double[] ys;
    private final double[] cross;

    PolygonRegion(List<Point> ring) {
        xs = new double[ring.size()];
        ys = new double[ring.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = ring.get(i).x();
            ys[i] = ring.get(i).y();
        }
        cross = new double[xs.length];
    }

    @Override
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y) && x < crossing(i, j, y)) {
                inside = !inside;
            }
        }
        return inside;
    }

    /**
     * A point is inside when an odd number of crossings lie to its right; with the crossings sorted
     * c0 <= c1 <= ..., that is when c(2i) <= x < c(2i+1) for some i (their count is even for a closed ring).
     */
    @Override
    public int paintRow(int y, int x0, int x1, int[] owner, int rowStart, int k) {
        double py = y + 0.5;
        int m = 0;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > py) != (ys[j] > py)) {
                cross[m++] = crossing(i, j, py);
            }
        }
        if (m % 2 != 0) {
            return Region.super.paintRow(y, x0, x1, owner, rowStart, k);
        }
        Arrays.sort(cross, 0, m);
        int count = 0;
        for (int s = 0; s < m; s += 2) {
            int from = firstAtOrRight(cross[s], x0), to = firstAtOrRight(cross[s + 1], x0) - 1;
            for (int x = Math.max(from, x0); x <= Math.min(to, x1); x++) {
                owner[rowStart + x] = k;
                count++;
            }
        }
        return count;
    }

    private double crossing(int i, int j, double y) {
        return (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i];
    }

    /** The smallest x with x + 0.5 >= c, searched near an estimate (never below {@code floor} - 1). */
    private static int firstAtOrRight(double c, int floor) {
        long x = Math.max((long) floor - 1, (long) Math.ceil(c - 0.5));
        while (x + 0.5 < c) {
            x++;
        }
        while (x - 1 >= floor - 1 && x - 1 + 0.5 >= c) {
            x--;
        }
        return (int) Math.min(Integer.MAX_VALUE - 1, x);
    }
}
