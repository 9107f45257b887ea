package dev.annota.core.geometry;

/**
 * An axis-aligned box as fractions of the image size: top-left corner (x, y) and size (w, h), each a finite
 * number (usually in [0, 1]; formats decide whether values outside are errors). Converted to and from
 * {@link PixelBox} only through an {@link ImageSize}.
 */
public record NormalizedBox(double x, double y, double width, double height) {
    public NormalizedBox {
        Checks.finite("x", x);
        Checks.finite("y", y);
        Checks.nonNegative("width", width);
        Checks.nonNegative("height", height);
    }

    /** The box from its centre and size, as YOLO writes it. */
    public static NormalizedBox fromCentre(double cx, double cy, double width, double height) {
        return new NormalizedBox(cx - width / 2, cy - height / 2, width, height);
    }

    public double centreX() {
        return x + width / 2;
    }

    public double centreY() {
        return y + height / 2;
    }

    public PixelBox toPixels(ImageSize size) {
        return new PixelBox(x * size.width(), y * size.height(), width * size.width(), height * size.height());
    }
}
