package dev.annota.core.geometry;

/**
 * An axis-aligned box in pixel coordinates with COCO {@code [x, y, w, h]} semantics: (x, y) is the top-left
 * corner, the box covers [x, x+w) × [y, y+h), and the area is w·h (no "+1").
 */
public record PixelBox(double x, double y, double width, double height) {
    public PixelBox {
        Checks.finite("x", x);
        Checks.finite("y", y);
        Checks.nonNegative("width", width);
        Checks.nonNegative("height", height);
    }

    /** The box between two corners, in either order. */
    public static PixelBox fromCorners(double x1, double y1, double x2, double y2) {
        return new PixelBox(Math.min(x1, x2), Math.min(y1, y2), Math.abs(x2 - x1), Math.abs(y2 - y1));
    }

    /** The tight box around {@code points}; an empty box at the origin when there are none. */
    public static PixelBox around(java.util.Collection<Point> points) {
        return Bounds.of(points);
    }

    public double x2() {
        return x + width;
    }

    public double y2() {
        return y + height;
    }

    public double area() {
        return width * height;
    }

    public Point centre() {
        return new Point(x + width / 2, y + height / 2);
    }

    /** Area of the overlap with {@code other} (0 when they do not overlap). */
    public double intersectionArea(PixelBox other) {
        double w = Math.min(x2(), other.x2()) - Math.max(x, other.x);
        double h = Math.min(y2(), other.y2()) - Math.max(y, other.y);
        return w <= 0 || h <= 0 ? 0 : w * h;
    }

    /** The smallest box holding both. */
    public PixelBox union(PixelBox other) {
        return fromCorners(Math.min(x, other.x), Math.min(y, other.y),
                Math.max(x2(), other.x2()), Math.max(y2(), other.y2()));
    }

    /** The part of this box inside {@code size}; an empty box at the nearest edge when none is. */
    public PixelBox clip(ImageSize size) {
        double cx1 = clamp(x, size.width()), cy1 = clamp(y, size.height());
        double cx2 = clamp(x2(), size.width()), cy2 = clamp(y2(), size.height());
        return new PixelBox(cx1, cy1, cx2 - cx1, cy2 - cy1);
    }

    /** True when the box lies fully inside the image. */
    public boolean isInside(ImageSize size) {
        return x >= 0 && y >= 0 && x2() <= size.width() && y2() <= size.height();
    }

    /** This box as fractions of the image size. */
    public NormalizedBox normalize(ImageSize size) {
        return new NormalizedBox(x / size.width(), y / size.height(), width / size.width(), height / size.height());
    }

    /** {@code [x, y, w, h]}, as COCO writes it. */
    public double[] toXywh() {
        return new double[] {x, y, width, height};
    }

    private static double clamp(double v, double max) {
        return Math.max(0, Math.min(max, v));
    }
}
