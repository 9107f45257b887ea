package dev.annota.train;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What k-fold cross-validation produced: each fold's metrics on its held-out part, their mean, the metrics of
 * all out-of-fold predictions pooled, and the out-of-fold probabilities (row i for sample i of the dataset,
 * columns in {@code labels} order).
 */
public record CrossValidationResult(List<String> labels, List<Fold> folds, Map<String, Double> mean,
        Map<String, Double> pooled, double[][] probabilities) {
    public CrossValidationResult {
        labels = List.copyOf(labels);
        folds = List.copyOf(folds);
        mean = Map.copyOf(mean);
        pooled = Map.copyOf(pooled);
        probabilities = probabilities.clone();
    }

    @Override
    public double[][] probabilities() {
        return probabilities.clone();
    }

    /** One fold: its index, how many samples trained, validated (early stopping) and were held out, and the metrics. */
    public record Fold(int index, int trained, int validated, int heldOut, int epochs, Map<String, Double> metrics) {
        public Fold {
            metrics = Map.copyOf(Objects.requireNonNull(metrics, "metrics"));
        }
    }
}
