package dev.annota.app.datasets;

import dev.annota.app.Progress;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.DatasetSummary;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.FormatRegistry;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.formats.archive.DatasetInput;
import dev.annota.formats.archive.ZipArchives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Converts a dataset from one format to another: folder, file or zip in; folder or zip out. The output must
 * not exist or be an empty folder, so a conversion never overwrites anything.
 */
public final class ConvertDataset {
    private final FormatRegistry formats;

    public ConvertDataset(FormatRegistry formats) {
        this.formats = formats;
    }

    /** What a conversion read, wrote and reported. */
    public record Conversion(String from, String to, Path output, long images, Map<String, Long> annotations,
                             List<String> readProblems, List<String> writeProblems) {
        public Conversion {
            annotations = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(annotations));
            readProblems = List.copyOf(readProblems);
            writeProblems = List.copyOf(writeProblems);
        }
    }

    public Conversion convert(Path in, String from, String to, Path out, ErrorPolicy policy, Progress progress)
            throws IOException {
        DatasetFormat target = formats.get(to);
        if (target.writer().isEmpty()) {
            throw new AnnotaException("the format \"" + target.name() + "\" can be read but not written");
        }
        boolean zipOut = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
        requireFresh(out, zipOut);
        try (DatasetInput input = DatasetInput.open(in)) {
            DatasetFormat source = DatasetOpener.format(formats, input.root(), from);
            ImportReport readReport = new ImportReport(policy);
            ImportReport writeReport = new ImportReport(policy);
            Dataset read = source.reader().orElseThrow().read(input.root(), readReport);
            // count what the writer streams through, instead of a second pass (the last pass counts)
            AtomicReference<DatasetSummary.Accumulator> counts = new AtomicReference<>(new DatasetSummary.Accumulator());
            Dataset dataset = new Dataset() {
                @Override
                public LabelSchema schema() {
                    return read.schema();
                }

                @Override
                public Stream<Item> items() {
                    DatasetSummary.Accumulator acc = new DatasetSummary.Accumulator();
                    counts.set(acc);
                    return read.items().peek(acc::add);
                }

                @Override
                public OptionalLong size() {
                    return read.size();
                }

                @Override
                public boolean passesAreSilent() {
                    return read.passesAreSilent();
                }
            };
            Path folder = zipOut ? Files.createTempDirectory("annota-convert-") : out;
            try {
                progress.start("converting " + source.name() + " to " + target.name(), 0);
                target.writer().orElseThrow().write(dataset, folder, writeReport);
                progress.finish();
                if (zipOut) {
                    progress.start("packing " + out.getFileName(), 0);
                    ZipArchives.pack(folder, out);
                    progress.finish();
                }
            } finally {
                if (zipOut) {
                    deleteTree(folder);
                }
            }
            DatasetSummary summary = counts.get().toSummary();
            return new Conversion(source.name(), target.name(), out, summary.items(),
                    InspectKinds.named(summary.annotationsByKind()),
                    readReport.problems().stream().map(Problem::message).toList(),
                    writeReport.problems().stream().map(Problem::message).toList());
        }
    }

    private static void requireFresh(Path out, boolean zip) throws IOException {
        if (zip && Files.exists(out)) {
            throw new AnnotaException(out + ": already exists; choose a new output name (nothing was changed)");
        }
        if (!zip && Files.exists(out)) {
            boolean empty;
            try (Stream<Path> s = Files.isDirectory(out) ? Files.list(out) : Stream.of(out)) {
                empty = Files.isDirectory(out) && s.findAny().isEmpty();
            }
            if (!empty) {
                throw new AnnotaException(out + ": already exists and is not an empty folder; "
                        + "choose a new output folder (nothing was changed)");
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
