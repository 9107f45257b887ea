package dev.annota.core.geometry;

import java.util.List;

/**
 * A box rotated about its centre: centre (cx, cy), size (width, height) before rotation, and the rotation in
 * degrees, clockwise on screen (y points down), as CVAT and Label Studio store it.
 */
public record RotatedBox(double cx, double cy, double width, double height, double angleDegrees) {
    public RotatedBox {
        Checks.finite("cx", cx);
        Checks.finite("cy", cy);
        Checks.nonNegative("width", width);
        Checks.nonNegative("height", height);
        Checks.finite("angle", angleDegrees);
    }

    /** An unrotated box. */
    public static RotatedBox of(PixelBox box) {
        return new RotatedBox(box.x() + box.width() / 2, box.y() + box.height() / 2, box.width(), box.height(), 0);
    }

    public double area() {
        return width * height;
    }

    /**
     * The four corners, starting at the corner that is top-left before rotation and going clockwise on screen.
     */
    public List<Point> corners() {
        double a = Math.toRadians(angleDegrees);
        double cos = Math.cos(a), sin = Math.sin(a);
        double hw = width / 2, hh = height / 2;
        double[][] local = {{-hw, -hh}, {hw, -hh}, {hw, hh}, {-hw, hh}};
        Point[] out = new Point[4];
        for (int i = 0; i < 4; i++) {
            double dx = local[i][0], dy = local[i][1];
            out[i] = new Point(cx + dx * cos - dy * sin, cy + dx * sin + dy * cos);
        }
        return List.of(out);
    }

    public Polygon toPolygon() {
        return Polygon.of(corners());
    }

    public PixelBox boundingBox() {
        return toPolygon().boundingBox();
    }
}
