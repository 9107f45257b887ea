package dev.annota.train;

import dev.annota.train.loop.EpochStats;
import java.util.List;
import java.util.Map;

/**
 * A model trained on one part and applied to a held-out part ({@link Training#heldOut}): the history, headline
 * metrics (annota-eval's names) on the validation and held-out parts, and the held-out probabilities, one row per
 * held-out sample in the split's order (softmax; multi-label: per-label sigmoid scores, with the thresholds tuned
 * on validation — empty for single-label).
 */
public record HeldOut(List<EpochStats> history, Map<String, Double> validation, Map<String, Double> test,
        double[][] probabilities, double[] thresholds) {
    public HeldOut {
        history = List.copyOf(history);
        validation = Map.copyOf(validation);
        test = Map.copyOf(test);
        probabilities = probabilities.clone();
        thresholds = thresholds.clone();
    }

    @Override
    public double[][] probabilities() {
        return probabilities.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
