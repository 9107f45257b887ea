package dev.annota.infer;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import java.util.Objects;

/** A detected object: class, score and box in the original (upright) image's pixels. */
public record Detection(ModelLabel label, double score, PixelBox box) {
    public Detection {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(box, "box");
        if (!Double.isFinite(score)) {
            throw ValidationException.of("score", score, "expected a finite score");
        }
    }
}
