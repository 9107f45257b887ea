package dev.annota.testkit.shapes;

import dev.annota.core.geometry.Point;
import java.util.List;

/** The even-odd (crossing number) test against one ring of vertices, which need not be convex. */
final class PolygonRegion implements Region {
    private final double[] xs;
    private final double[] ys;

    PolygonRegion(List<Point> ring) {
        xs = new double[ring.size()];
        ys = new double[ring.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = ring.get(i).x();
            ys[i] = ring.get(i).y();
        }
    }

    @Override
    public boolean contains(double x, double y) {
        boolean inside = false;
        for (int i = 0, j = xs.length - 1; i < xs.length; j = i++) {
            if ((ys[i] > y) != (ys[j] > y)
                    && x < (xs[j] - xs[i]) * (y - ys[i]) / (ys[j] - ys[i]) + xs[i]) {
                inside = !inside;
            }
        }
        return inside;
    }
}
