package dev.annota.infer;

import dev.annota.infer.image.InputTransform;
import java.util.Objects;

/**
 * One image already turned into the model's input values ({@link Predictor#prepare}), and where it landed in
 * the input, to map the outputs back. The array is owned by this value: do not change it.
 */
public record PreparedInput(float[] values, InputTransform transform) {
    public PreparedInput {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(transform, "transform");
    }
}
