package dev.annota.infer.descriptor;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/**
 * How an image becomes the model's input tensor. Each value is {@code (pixel · scale − mean[c]) / std[c]}
 * with the pixel in 0–255 and {@code c} in the model's channel order ({@link #color()}); with
 * {@link #scaleByImageMax()} the pixel is divided by the image's largest channel value instead of multiplied
 * by {@code scale} (rembg's U²-Net convention).
 *
 * @param name  the ONNX input name; empty means "the model's only input"
 */
public record InputSpec(String name, Layout layout, int width, int height, Resize resize, ColorOrder color,
        double scale, boolean scaleByImageMax, double[] mean, double[] std, TensorType dtype) {
    public InputSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(resize, "resize");
        Objects.requireNonNull(color, "color");
        Objects.requireNonNull(dtype, "dtype");
        if (width < 1 || height < 1 || width > 8192 || height > 8192) {
            throw ValidationException.of("size", width + "x" + height, "expected a width and height from 1 to 8192");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw ValidationException.of("scale", scale, "expected a positive number");
        }
        mean = channels("mean", mean, false);
        std = channels("std", std, true);
        if (resize.mode() == ResizeMode.CENTER_CROP && resize.shorterSide() > 0
                && resize.shorterSide() < Math.min(width, height)) {
            throw ValidationException.of("shorter_side", resize.shorterSide(),
                    "expected at least the crop size " + Math.min(width, height));
        }
    }

    private static double[] channels(String field, double[] v, boolean positive) {
        Objects.requireNonNull(v, field);
        if (v.length != 3) {
            throw ValidationException.of(field, v.length + " values", "expected 3 values, one per channel");
        }
        for (double d : v) {
            if (!Double.isFinite(d) || positive && d <= 0) {
                throw ValidationException.of(field, d, positive ? "expected positive numbers" : "expected finite numbers");
            }
        }
        return v.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    /** The same input with another resize step. */
    public InputSpec withResize(Resize r) {
        return new InputSpec(name, layout, width, height, r, color, scale, scaleByImageMax, mean, std, dtype);
    }

    /** Values per image: 3 × width × height. */
    public int valuesPerImage() {
        return 3 * width * height;
    }
}
