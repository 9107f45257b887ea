package dev.annota.core.geometry;

/** A point in pixel coordinates of an image (x to the right, y down; (0,0) is the top-left corner of the top-left pixel). */
public record Point(double x, double y) {
    public Point {
        Checks.finite("x", x);
        Checks.finite("y", y);
    }
}
