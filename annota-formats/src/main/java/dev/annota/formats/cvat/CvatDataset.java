package dev.annota.formats.cvat;

import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** A CVAT dataset on disk: its schema is known, its items are read anew from the XML on every pass. */
final class CvatDataset implements Dataset {
    private final Path root;
    private final LabelSchema schema;
    private final List<CvatIndex> files;
    private final ImportReport report;
    private final AtomicBoolean reported = new AtomicBoolean();

    CvatDataset(Path root, LabelSchema schema, List<CvatIndex> files, ImportReport report) {
        this.root = root;
        this.schema = schema;
        this.files = List.copyOf(files);
        this.report = report;
    }

    @Override
    public LabelSchema schema() {
        return schema;
    }

    /** A lazy pass: each {@code <image>} is parsed when the stream asks for the next item. Close the stream. */
    @Override
    public Stream<Item> items() {
        ImportReport passReport = reported.get() ? new ImportReport(report.policy()) : report;
        CvatItems items = new CvatItems(root, schema, files, passReport, () -> reported.set(true));
        return StreamSupport.stream(items, false).onClose(items::close);
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(files.stream().mapToLong(f -> f.images).sum());
    }

    @Override
    public String toString() {
        return "CvatDataset[" + root + ", " + files.size() + " files, " + schema + "]";
    }
}
