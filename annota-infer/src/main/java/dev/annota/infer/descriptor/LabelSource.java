package dev.annota.infer.descriptor;

import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Objects;

/** Where a model's class names come from: a file beside the model (one name a line) or the descriptor itself. */
public sealed interface LabelSource {
    /** A text file, relative to the descriptor's folder; line i (0-based) names output class i. */
    record File(String path) implements LabelSource {
        public File {
            Objects.requireNonNull(path, "path");
            if (path.isBlank()) {
                throw ValidationException.of("labels", path, "expected a file name");
            }
        }
    }

    /** Names written in the descriptor; an empty list for models without classes (embeddings). */
    record Inline(List<String> names) implements LabelSource {
        public Inline {
            names = List.copyOf(names);
        }
    }
}
