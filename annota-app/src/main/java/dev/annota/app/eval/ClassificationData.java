package dev.annota.app.eval;

import dev.annota.eval.classification.MultiLabelInput;
import dev.annota.eval.classification.SingleLabelInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a classification {@code IN.json}: the predictions, and optionally a slice name and an image
 * path per sample.
 *
 * @param file        where it was read from
 * @param predictions single-label or multi-label predictions
 * @param slices      per sample, the slice it belongs to (camera, site, …), for per-slice metrics
 * @param images      per sample, its image (resolved against the file's folder), for the mistakes gallery
 */
public record ClassificationData(Path file, Predictions predictions, Optional<List<String>> slices,
                                 Optional<List<Path>> images) {
    public ClassificationData {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(predictions, "predictions");
        slices = slices.map(List::copyOf);
        images = images.map(List::copyOf);
    }

    /** Single-label or multi-label predictions. */
    public sealed interface Predictions permits SingleLabel, MultiLabel {
        int size();
    }

    /** Binary or multi-class predictions. */
    public record SingleLabel(SingleLabelInput input) implements Predictions {
        @Override
        public int size() {
            return input.size();
        }
    }

    /** Multi-label predictions (0/1 matrices). */
    public record MultiLabel(MultiLabelInput input) implements Predictions {
        @Override
        public int size() {
            return input.size();
        }
    }
}
