package dev.annota.infer.descriptor;

import dev.annota.core.error.ValidationException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything needed to run an ONNX model on images: the {@code model.json} of a model package, or a preset.
 * {@link DescriptorReader} parses it; the README's "Models and inference" section documents every field.
 *
 * @param name      a short name for messages and provenance
 * @param modelFile the ONNX file, relative to the descriptor's folder
 * @param sha256    the ONNX file's expected sha256 (lower-case hex), checked when present
 */
public record ModelDescriptor(String name, Task task, String modelFile, Optional<String> sha256, LabelSource labels,
        InputSpec input, OutputSpec output, Postprocess postprocess) {
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ModelDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(postprocess, "postprocess");
        sha256 = sha256.map(s -> s.toLowerCase(Locale.ROOT));
        if (sha256.isPresent() && !HEX64.matcher(sha256.get()).matches()) {
            throw ValidationException.of("sha256", sha256.get(), "expected 64 hexadecimal digits");
        }
        if (modelFile.isBlank()) {
            throw ValidationException.of("model", modelFile, "expected the ONNX file name");
        }
        if (!output.serves(task)) {
            throw ValidationException.of("output.decoder", output.getClass().getSimpleName().toLowerCase(Locale.ROOT),
                    "expected a decoder for task " + task.id());
        }
        if (task == Task.MULTI_LABEL && output instanceof OutputSpec.Classifier c && c.activation() == Activation.SOFTMAX) {
            throw ValidationException.of("output.activation", "softmax", "expected sigmoid or none for task multi_label");
        }
    }

    /** The same descriptor with another input specification. */
    public ModelDescriptor withInput(InputSpec in) {
        return new ModelDescriptor(name, task, modelFile, sha256, labels, in, output, postprocess);
    }

    /** The same descriptor with other postprocessing (command-line overrides). */
    public ModelDescriptor withPostprocess(Postprocess p) {
        return new ModelDescriptor(name, task, modelFile, sha256, labels, input, output, p);
    }
}
