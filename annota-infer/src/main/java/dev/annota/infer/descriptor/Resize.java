package dev.annota.infer.descriptor;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/**
 * The resize step of preprocessing.
 *
 * @param mode        stretch, letterbox or centre crop
 * @param padValue    letterbox fill, 0–255, the same for every channel (YOLOX uses 114)
 * @param centered    letterbox only: true centres the image on the canvas, false pastes it at the top-left corner
 * @param shorterSide centre crop only: the length the shorter side is resized to before cropping (e.g. 256
 *                    for a 224 crop); 0 means "the crop size" (no margin)
 * @param filter      how the original pixels are sampled
 */
public record Resize(ResizeMode mode, double padValue, boolean centered, int shorterSide, ResizeFilter filter) {
    public Resize {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(filter, "filter");
        if (!(padValue >= 0 && padValue <= 255)) {
            throw ValidationException.of("pad", padValue, "expected a pad value from 0 to 255");
        }
        if (shorterSide < 0) {
            throw ValidationException.of("shorter_side", shorterSide, "expected a positive side length");
        }
    }

    /** With the {@link ResizeFilter#BILINEAR} filter. */
    public Resize(ResizeMode mode, double padValue, boolean centered, int shorterSide) {
        this(mode, padValue, centered, shorterSide, ResizeFilter.BILINEAR);
    }

    public static Resize stretch() {
        return new Resize(ResizeMode.STRETCH, 0, false, 0);
    }

    public static Resize letterbox(double padValue, boolean centered) {
        return new Resize(ResizeMode.LETTERBOX, padValue, centered, 0);
    }

    public static Resize centerCrop(int shorterSide) {
        return new Resize(ResizeMode.CENTER_CROP, 0, false, shorterSide);
    }

    public Resize withFilter(ResizeFilter f) {
        return new Resize(mode, padValue, centered, shorterSide, f);
    }
}
