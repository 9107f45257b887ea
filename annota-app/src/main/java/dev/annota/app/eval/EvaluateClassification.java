package dev.annota.app.eval;

import dev.annota.eval.classification.MultiLabelInput;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.SingleLabelInput;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.eval.classification.SliceReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Classification metrics for an {@code IN.json} (see {@link ClassificationInputReader}): every metric, per-slice
 * metrics and their largest gaps when {@code slices} are given, and an HTML report with charts when a report
 * folder is given.
 */
public final class EvaluateClassification {
    private EvaluateClassification() {
    }

    public static ClassificationEvaluation run(Path input, Optional<Path> reportDir) throws IOException {
        ClassificationData data = ClassificationInputReader.read(input);
        ClassificationEvaluation.Metrics metrics;
        Optional<SliceReport> slices = Optional.empty();
        String[] keys = data.slices().map(s -> s.toArray(String[]::new)).orElse(null);
        if (data.predictions() instanceof ClassificationData.SingleLabel s) {
            SingleLabelInput in = s.input();
            metrics = new ClassificationEvaluation.SingleLabel(SingleLabelMetrics.of(in));
            if (keys != null) {
                slices = Optional.of(SliceReport.of(keys, idx -> SingleLabelMetrics.of(in.subset(idx)).headline()));
            }
        } else {
            MultiLabelInput in = ((ClassificationData.MultiLabel) data.predictions()).input();
            metrics = new ClassificationEvaluation.MultiLabel(MultiLabelMetrics.of(in));
            if (keys != null) {
                slices = Optional.of(SliceReport.of(keys, idx -> MultiLabelMetrics.of(in.subset(idx)).headline()));
            }
        }
        ClassificationEvaluation result = new ClassificationEvaluation(data, metrics, slices, Optional.empty());
        if (reportDir.isPresent()) {
            Path html = ClassificationReportWriter.write(result, reportDir.get());
            result = new ClassificationEvaluation(data, metrics, slices, Optional.of(html));
        }
        return result;
    }
}
