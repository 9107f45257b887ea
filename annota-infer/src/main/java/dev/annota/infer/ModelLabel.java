package dev.annota.infer;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/**
 * A class as the model knows it: its output index and name. The index stays inside the model (like a YOLO
 * class id inside its format); a project maps the name to its own {@code LabelId}.
 */
public record ModelLabel(int index, String name) {
    public ModelLabel {
        Objects.requireNonNull(name, "name");
        if (index < 0) {
            throw ValidationException.of("index", index, "expected a non-negative class index");
        }
    }
}
