package dev.annota.app.quality;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Likely label errors, most suspicious first.
 *
 * @param method             how the out-of-fold probabilities were made (e.g. "cnn", "head on squeezenet1.1")
 * @param folds              k of the cross-validation
 * @param labels             the class names
 * @param crossValidation    headline metrics of the pooled out-of-fold predictions against the given labels
 * @param estimatedErrorRate the calibrated confident joint's off-diagonal mass
 * @param suspects           the flagged images
 */
public record LabelErrorReport(String method, int folds, List<String> labels, Map<String, Double> crossValidation,
        double estimatedErrorRate, List<LabelSuspect> suspects) {
    public LabelErrorReport {
        Objects.requireNonNull(method, "method");
        labels = List.copyOf(labels);
        crossValidation = Map.copyOf(crossValidation);
        suspects = List.copyOf(suspects);
    }

    /**
     * One flagged image.
     *
     * @param image     its path relative to the dataset folder, or its image id in a project
     * @param given     its given class
     * @param suggested the class confident learning suggests
     * @param score     how suspicious (1 − the out-of-fold probability of the given class), larger first
     */
    public record LabelSuspect(String image, String given, String suggested, double score) {
        public LabelSuspect {
            Objects.requireNonNull(image, "image");
            Objects.requireNonNull(given, "given");
            Objects.requireNonNull(suggested, "suggested");
        }
    }
}
