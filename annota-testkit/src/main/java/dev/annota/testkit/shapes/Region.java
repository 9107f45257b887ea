package dev.annota.testkit.shapes;

/** A shape prepared for many point tests (trigonometry done once). The one test for painting and masks. */
interface Region {
    boolean contains(double x, double y);

    /**
     * Sets {@code owner[rowStart + x] = k} for each x in [x0, x1] whose pixel centre (x + 0.5, y + 0.5) this
     * region {@link #contains}, and returns how many. Faster versions must give exactly the same pixels.
     */
    default int paintRow(int y, int x0, int x1, int[] owner, int rowStart, int k) {
        double py = y + 0.5;
        int count = 0;
        for (int x = x0; x <= x1; x++) {
            if (contains(x + 0.5, py)) {
                owner[rowStart + x] = k;
                count++;
            }
        }
        return count;
    }

    /** The region of {@code shape}. */
    static Region of(AnalyticShape shape) {
        if (shape instanceof CircleShape c) {
            double r2 = c.radius() * c.radius();
            return (x, y) -> {
                double dx = x - c.cx(), dy = y - c.cy();
                return dx * dx + dy * dy <= r2;
            };
        }
        if (shape instanceof EllipseShape e) {
            return ellipse(e);
        }
        if (shape instanceof RectangleShape r) {
            return new PolygonRegion(r.corners());
        }
        if (shape instanceof TriangleShape t) {
            return new PolygonRegion(t.keypoints());
        }
        if (shape instanceof StarShape s) {
            return new PolygonRegion(s.vertices());
        }
        throw new IllegalArgumentException("unknown shape " + shape);
    }

    private static Region ellipse(EllipseShape e) {
        double a = Math.toRadians(e.angleDegrees());
        double cos = StrictMath.cos(a), sin = StrictMath.sin(a);
        double rx2 = e.rx() * e.rx(), ry2 = e.ry() * e.ry();
        return (x, y) -> {
            double dx = x - e.cx(), dy = y - e.cy();
            double u = dx * cos + dy * sin;
            double v = -dx * sin + dy * cos;
            return u * u / rx2 + v * v / ry2 <= 1;
        };
    }
}
