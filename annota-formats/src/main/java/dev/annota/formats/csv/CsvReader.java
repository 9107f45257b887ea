package dev.annota.formats.csv;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.formats.imagenet.ImageFiles;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads an image-label CSV: one row per image ({@code image,label}), several labels in one cell separated by
 * {@code ;} ({@code image,"a;b"}), or one row per image and label (rows of the same image are merged). Image
 * paths are relative to the CSV's folder (through {@link SafePaths}); the item id is that path without its
 * extension. An empty label cell is an image without labels. Columns: see {@link CsvColumns}. A
 * {@code confidence} cell holds one score in [0, 1] for every label of the row, or one per label
 * ({@code 0.9;0.4}; an empty piece is a label without score).
 */
final class CsvReader implements DatasetReader {
    static final char SEPARATOR = ';';

    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path file = Files.isDirectory(path) ? csvFile(path).orElseThrow(() -> new ValidationException(new FieldError(
                path.toString(), "(folder)", null, "expected exactly one .csv file in the folder"))) : path;
        Path root = file.toAbsolutePath().normalize().getParent();
        String name = file.getFileName().toString();
        LabelSchema.Builder schema = LabelSchema.builder();
        Map<String, Entry> entries = new LinkedHashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); CsvParser parser = new CsvParser(r, name)) {
            List<CsvParser.Row> head = new ArrayList<>();
            while (head.size() < 2) {
                Optional<CsvParser.Row> row = nextRow(parser, report);
                if (row.isEmpty()) {
                    break;
                }
                head.add(row.get());
            }
            if (head.isEmpty()) {
                report.warn(new FieldError(name, "(file)", null, "expected rows of image,label; the file is empty"));
                return Dataset.streaming(schema.build(), Stream::empty);
            }
            CsvColumns columns = CsvColumns.isHeader(head.get(0).cells(),
                    head.size() > 1 ? Optional.of(head.get(1).cells()) : Optional.empty())
                    ? CsvColumns.fromHeader(head.get(0).cells()) : CsvColumns.PLAIN;
            RowReader rows = new RowReader(root, name, columns, schema, entries, report);
            for (int i = columns.header() ? 1 : 0; i < head.size(); i++) {
                rows.accept(head.get(i));
            }
            for (Optional<CsvParser.Row> row = nextRow(parser, report); row.isPresent(); row = nextRow(parser, report)) {
                rows.accept(row.get());
            }
        }
        List<Item> items = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            Entry x = e.getValue();
            String id = ids.add(x.id) ? x.id : e.getKey(); // a.jpg and a.png: the second keeps its extension
            ids.add(id);
            items.add(new Item(id, x.ref, x.subset, x.tags, x.metadata));
        }
        return Dataset.streaming(schema.build(), items::stream);
    }

    /** The next non-blank record; a malformed one is reported (and skipped under COLLECT). */
    private static Optional<CsvParser.Row> nextRow(CsvParser parser, ImportReport report) throws IOException {
        while (true) {
            try {
                Optional<CsvParser.Row> row = parser.next();
                if (row.isEmpty() || !row.get().isBlank()) {
                    return row;
                }
            } catch (ValidationException e) {
                report.error(e);
            }
        }
    }

    /** The CSV of a folder: its only {@code *.csv} file. */
    static Optional<Path> csvFile(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> csv = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile).toList();
            return csv.size() == 1 ? Optional.of(csv.get(0)) : Optional.empty();
        }
    }

    private static final class Entry {
        final String id;
        final ImageRef ref;
        final String subset;
        final List<Annotation> tags = new ArrayList<>();
        final Map<String, String> metadata = new TreeMap<>();

        Entry(String id, ImageRef ref, String subset) {
            this.id = id;
            this.ref = ref;
            this.subset = subset;
        }
    }

    /** Turns rows into entries, merging rows of the same image. */
    private record RowReader(Path root, String file, CsvColumns columns, LabelSchema.Builder schema,
            Map<String, Entry> entries, ImportReport report) {
        void accept(CsvParser.Row row) {
            try {
                read(row);
            } catch (ValidationException e) {
                report.error(e);
            }
        }

        private void read(CsvParser.Row row) {
            String where = file + ":" + row.line();
            List<String> cells = row.cells();
            if (cells.size() < columns.required()) {
                throw new ValidationException(new FieldError(where, "columns", cells.size() + " columns",
                        "expected at least " + columns.required() + " columns (image,label)"));
            }
            if (!columns.header() && cells.size() > 2 && entries.isEmpty()) {
                report.warn(new FieldError(where, "columns", cells.size() + " columns",
                        "expected image,label; the other columns are ignored (name them in a header row: split, confidence, ...)"));
            }
            String imageCell = cells.get(columns.image()).strip();
            if (imageCell.isEmpty()) {
                throw new ValidationException(new FieldError(where, "image", imageCell, "expected an image path"));
            }
            Path image = SafePaths.resolveInside(root, imageCell, where, "image");
            String rel = ImageFiles.slashed(root.relativize(image));
            String subset = columns.split().map(i -> i < cells.size() ? cells.get(i).strip() : "")
                    .filter(s -> !s.isEmpty()).orElse(Item.DEFAULT_SUBSET);
            List<String> labels = pieces(cells.get(columns.label()));
            List<OptionalDouble> scores = scores(cells, labels.size(), where);
            Entry entry = entries.get(rel);
            if (entry == null) {
                Optional<ImageSize> size = ImageProbe.size(image);
                if (size.isEmpty()) {
                    report.warn(new FieldError(where, "image", imageCell, "expected a readable image file (missing or not an image)"));
                }
                entry = new Entry(ImageFiles.stem(rel), new ImageRef(image.toString(), size, Optional.empty()), subset);
                entries.put(rel, entry);
            } else if (!entry.subset.equals(subset)) {
                report.warn(new FieldError(where, "split", subset, "expected the split of the image's earlier row, "
                        + entry.subset + " (kept)"));
            }
            for (Map.Entry<Integer, String> x : columns.extra().entrySet()) {
                if (x.getKey() < cells.size() && !cells.get(x.getKey()).isEmpty()) {
                    entry.metadata.put(x.getValue(), cells.get(x.getKey()));
                }
            }
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                if (label.isEmpty()) {
                    report.warn(new FieldError(where, "label", cells.get(columns.label()),
                            "expected label names between the ';' separators (the empty one is ignored)"));
                    continue;
                }
                LabelId id = schema.getOrAdd(label);
                if (entry.tags.stream().anyMatch(t -> t.label().equals(id))) {
                    report.warn(new FieldError(where, "label", label, "expected each label once per image (the repeat is ignored)"));
                    continue;
                }
                AnnotationInfo info = AnnotationInfo.of(id);
                if (scores.get(i).isPresent()) {
                    info = info.withConfidence(scores.get(i).getAsDouble());
                }
                entry.tags.add(new Tag(info));
            }
        }

        /** The labels of a cell: split at ';', each trimmed; an empty cell has none. */
        private static List<String> pieces(String cell) {
            if (cell.isBlank()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String p : cell.split(String.valueOf(SEPARATOR), -1)) {
                out.add(p.strip());
            }
            return out;
        }

        private List<OptionalDouble> scores(List<String> cells, int labels, String where) {
            List<OptionalDouble> out = new ArrayList<>();
            String cell = columns.confidence().map(i -> i < cells.size() ? cells.get(i) : "").orElse("");
            List<String> pieces = pieces(cell);
            if (!pieces.isEmpty() && pieces.size() != 1 && pieces.size() != labels) {
                throw new ValidationException(new FieldError(where, "confidence", cell,
                        "expected one score, or one per label (" + labels + ")"));
            }
            for (int i = 0; i < labels; i++) {
                String p = pieces.isEmpty() ? "" : pieces.get(pieces.size() == 1 ? 0 : i);
                if (p.isEmpty()) {
                    out.add(OptionalDouble.empty());
                    continue;
                }
                double d;
                try {
                    d = Double.parseDouble(p);
                } catch (NumberFormatException e) {
                    throw new ValidationException(new FieldError(where, "confidence", p, "expected a number in [0, 1]"));
                }
                if (!(d >= 0 && d <= 1)) {
                    throw new ValidationException(new FieldError(where, "confidence", p, "expected a number in [0, 1]"));
                }
                out.add(OptionalDouble.of(d));
            }
            return out;
        }
    }
}
