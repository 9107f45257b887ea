package dev.annota.infer.image;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import java.util.Objects;

/**
 * Where the original image lies in the model input: a model pixel coordinate is
 * {@code original · scale + offset} per axis. Letterbox offsets are the padding (≥ 0); centre-crop offsets
 * are minus the cropped margin (≤ 0). Coordinates are continuous (pixel edges at integers), so boxes map
 * exactly both ways.
 *
 * @param original the upright original image size
 * @param scaleX   model pixels per original pixel along x
 * @param scaleY   model pixels per original pixel along y
 */
public record InputTransform(ImageSize original, double scaleX, double scaleY, double offsetX, double offsetY) {
    public InputTransform {
        Objects.requireNonNull(original, "original");
        if (!(scaleX > 0 && scaleY > 0) || !Double.isFinite(offsetX) || !Double.isFinite(offsetY)) {
            throw ValidationException.of("scale", scaleX + "x" + scaleY, "expected positive scales and finite offsets");
        }
    }

    public double toOriginalX(double modelX) {
        return (modelX - offsetX) / scaleX;
    }

    public double toOriginalY(double modelY) {
        return (modelY - offsetY) / scaleY;
    }

    public double toModelX(double x) {
        return x * scaleX + offsetX;
    }

    public double toModelY(double y) {
        return y * scaleY + offsetY;
    }

    /** A box given by model-input corners, in original pixels, clipped to the image. */
    public PixelBox toOriginal(double x1, double y1, double x2, double y2) {
        return PixelBox.fromCorners(toOriginalX(x1), toOriginalY(y1), toOriginalX(x2), toOriginalY(y2)).clip(original);
    }
}
