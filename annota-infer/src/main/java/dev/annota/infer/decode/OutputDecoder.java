package dev.annota.infer.decode;

import dev.annota.infer.Prediction;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.InputTransform;
import java.util.Map;

/** Turns one batch item of a run's outputs into a {@link Prediction} in original image coordinates. */
public interface OutputDecoder {
    Prediction decode(Map<String, OutputTensor> outputs, int item, InputTransform transform, Postprocess post);
}
