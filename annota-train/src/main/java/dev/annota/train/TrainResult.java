package dev.annota.train;

import dev.annota.train.loop.EpochStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a run produced: the package folder, the history, headline validation and test metrics (annota-eval's
 * names), the weights' sha256 and the seconds spent.
 */
public record TrainResult(Path modelDir, TrainMode mode, List<String> labels, List<EpochStats> history,
        Map<String, Double> validation, Map<String, Double> test, String weightsSha256, double seconds, String note) {
    public TrainResult {
        labels = List.copyOf(labels);
        history = List.copyOf(history);
        validation = Map.copyOf(validation);
        test = Map.copyOf(test);
    }
}
