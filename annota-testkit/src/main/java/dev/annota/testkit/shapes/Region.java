package dev.annota.testkit.shapes;

/** A shape prepared for many point tests (trigonometry done once). The one test for painting and masks. */
interface Region {
    boolean contains(double x, double y);

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
