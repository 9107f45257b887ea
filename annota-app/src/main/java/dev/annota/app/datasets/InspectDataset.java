package dev.annota.app.datasets;

import dev.annota.app.Progress;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.DatasetSummary;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.FormatRegistry;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.formats.archive.DatasetInput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a dataset (folder, file or zip) in one streaming pass and says what is in it. */
public final class InspectDataset {
    private final FormatRegistry formats;

    public InspectDataset(FormatRegistry formats) {
        this.formats = formats;
    }

    /** What a dataset holds. */
    public record Inspection(String format, long images, List<String> labels, Map<String, Long> annotations,
                             Map<String, Long> imagesBySubset, List<String> warnings, List<String> errors) {
        public Inspection {
            labels = List.copyOf(labels);
            annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
            imagesBySubset = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(imagesBySubset));
            warnings = List.copyOf(warnings);
            errors = List.copyOf(errors);
        }
    }

    /** {@code formatName} empty or {@code auto} detects the format. */
    public Inspection inspect(Path path, String formatName, ErrorPolicy policy, Progress progress) throws IOException {
        try (DatasetInput input = DatasetInput.open(path)) {
            DatasetFormat format = DatasetOpener.format(formats, input.root(), formatName);
            ImportReport report = new ImportReport(policy);
            progress.start("reading " + format.name(), 0);
            Dataset dataset = format.reader().orElseThrow().read(input.root(), report);
            DatasetSummary summary = DatasetSummary.of(dataset);
            progress.finish();
            return new Inspection(format.name(), summary.items(),
                    dataset.schema().classes().stream().map(LabelClass::name).toList(),
                    InspectKinds.named(summary.annotationsByKind()), summary.itemsBySubset(),
                    report.warnings().stream().map(p -> p.error().message()).toList(),
                    report.errors().stream().map(Problem::message).toList());
        }
    }
}
