package dev.annota.testkit.shapes;

import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.RotatedBox;

/** Draws random shape parameters for a scene. Every number comes from the scene's {@link SplitMix64}. */
final class ShapeSampler {
    private final ShapesConfig config;

    ShapeSampler(ShapesConfig config) {
        this.config = config;
    }

    AnalyticShape sample(SplitMix64 rng) {
        ShapeClass shapeClass = config.classes().get(rng.nextInt(config.classes().size()));
        int shorter = Math.min(config.width(), config.height());
        double radius = rng.nextDouble(config.minSize(), config.maxSize()) * shorter / 2;
        // the centre stays inside the image, at most half the radius from an edge: some shapes are cut off
        double margin = Math.min(radius / 2, shorter / 2.0);
        double cx = rng.nextDouble(margin, config.width() - margin);
        double cy = rng.nextDouble(margin, config.height() - margin);
        return switch (shapeClass) {
            case CIRCLE -> new CircleShape(cx, cy, radius);
            case ELLIPSE -> {
                double rx = radius * rng.nextDouble(0.75, 1.0);
                yield new EllipseShape(cx, cy, rx, rx * rng.nextDouble(0.35, 0.75), rng.nextDouble(0, 180));
            }
            case RECTANGLE -> {
                double w = 2 * radius * rng.nextDouble(0.6, 1.0);
                double h = 2 * radius * rng.nextDouble(0.35, 0.9);
                double angle = rng.nextBoolean(0.5) ? 0 : rng.nextDouble(0, 180);
                yield new RectangleShape(new RotatedBox(cx, cy, w, h, angle));
            }
            case TRIANGLE -> triangle(rng, cx, cy, radius);
            case STAR -> new StarShape(cx, cy, radius, radius * rng.nextDouble(0.38, 0.5), rng.nextDouble(0, 72));
        };
    }

    private static TriangleShape triangle(SplitMix64 rng, double cx, double cy, double radius) {
        double start = rng.nextDouble(0, 360);
        Point[] v = new Point[3];
        for (int k = 0; k < 3; k++) {
            double angle = start + 120 * k + rng.nextDouble(-25, 25);
            v[k] = Outlines.polar(cx, cy, radius * rng.nextDouble(0.7, 1.0), angle);
        }
        return new TriangleShape(v[0], v[1], v[2]);
    }
}
