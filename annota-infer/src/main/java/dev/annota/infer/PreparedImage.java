package dev.annota.infer;

import dev.annota.core.error.ValidationException;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.InputTransform;
import java.util.Objects;

/**
 * One image already turned into a model's input values ({@link Predictor#prepare}), with where it landed in the
 * input and the postprocessing its caller asked for. Preparing on the caller's thread lets decoding and
 * preprocessing overlap inference; {@link Predictor#predictPrepared} then only copies and runs. The values
 * array is owned by this object: do not change it.
 */
public record PreparedImage(float[] values, InputTransform transform, Postprocess postprocess) {
    public PreparedImage {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(transform, "transform");
        Objects.requireNonNull(postprocess, "postprocess");
        if (values.length == 0) {
            throw ValidationException.of("values", 0, "expected the input values of one image");
        }
    }
}
