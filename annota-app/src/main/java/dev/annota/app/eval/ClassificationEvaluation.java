package dev.annota.app.eval;

import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.eval.classification.SliceReport;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EvaluateClassification} found: the metrics, the per-slice report when slices were given, and the
 * HTML report's path when one was written.
 */
public record ClassificationEvaluation(ClassificationData data, Metrics metrics, Optional<SliceReport> slices,
                                       Optional<Path> report) {
    public ClassificationEvaluation {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(metrics, "metrics");
    }

    /** Single-label or multi-label metrics. */
    public sealed interface Metrics permits SingleLabel, MultiLabel {
    }

    /** Binary or multi-class metrics. */
    public record SingleLabel(SingleLabelMetrics metrics) implements Metrics {
    }

    /** Multi-label metrics. */
    public record MultiLabel(MultiLabelMetrics metrics) implements Metrics {
    }
}
