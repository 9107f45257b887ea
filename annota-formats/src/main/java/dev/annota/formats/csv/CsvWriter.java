package dev.annota.formats.csv;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.formats.imagenet.ImageFiles;
import dev.annota.formats.imagenet.LossLog;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes {@code labels.csv} (RFC 4180, CRLF line ends, fields quoted only when needed) and copies each image
 * to {@code <id><ext>} beside it, so that reading it back gives the same ids. Columns: {@code image,label},
 * plus {@code split} when a subset other than the default one occurs and {@code confidence} when a tag has a
 * score (one score per label, {@code ;}-separated; empty for a tag without one). An item without tags gets an
 * empty label cell. Not held, and reported: annotations other than tags (one warning per kind), attributes
 * and sources (one warning per field), and {@code ;} in a class name (replaced by {@code _}, one warning per class).
 */
final class CsvWriter implements DatasetWriter {
    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        LabelSchema schema = dataset.schema();
        boolean[] columns = new boolean[2]; // split, confidence
        try (Stream<Item> items = dataset.items()) {
            items.forEach(i -> {
                columns[0] |= !i.subset().equals(Item.DEFAULT_SUBSET);
                columns[1] |= i.annotations().stream().anyMatch(a -> a instanceof Tag && a.info().confidence().isPresent());
            });
        }
        Map<dev.annota.core.schema.LabelId, String> names = new HashMap<>();
        for (LabelClass c : schema.classes()) {
            String n = c.name().replace(CsvReader.SEPARATOR, '_');
            if (!n.equals(c.name())) {
                report.warn(new FieldError("class " + c.id(), "name", c.name(), "expected a name without ';' (the label "
                        + "separator); written as \"" + n + "\""));
            }
            names.put(c.id(), n);
        }
        LossLog losses = new LossLog();
        Path target = folder.resolve(CsvFormat.FILE);
        Path tmp = folder.resolve("." + CsvFormat.FILE + ".partial");
        try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8); Stream<Item> items = dataset.items()) {
            List<String> header = new ArrayList<>(List.of("image", "label"));
            if (columns[0]) {
                header.add("split");
            }
            if (columns[1]) {
                header.add("confidence");
            }
            line(out, header);
            items.forEach(item -> {
                try {
                    row(item, folder, out, columns, names, losses, report);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(tmp);
            throw e.getCause();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        losses.flush(report, CsvFormat.FILE);
    }

    private static void row(Item item, Path folder, BufferedWriter out, boolean[] columns,
            Map<dev.annota.core.schema.LabelId, String> names, LossLog losses, ImportReport report) throws IOException {
        String where = "item " + item.id();
        String relative = item.id() + ImageFiles.extension(item.image().location());
        Path image;
        try {
            image = SafePaths.resolveInside(folder, relative, where, "id");
        } catch (ValidationException e) {
            report.error(e);
            return;
        }
        List<String> labels = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        for (int i = 0; i < item.annotations().size(); i++) {
            Annotation a = item.annotations().get(i);
            if (!(a instanceof Tag)) {
                losses.note("kind", a.kind().wireName(), item.id(), "a label CSV holds image tags only; not written");
                continue;
            }
            String name = names.get(a.label());
            if (name == null) {
                report.error(new FieldError(where + ": annotations[" + i + "]", "label", a.label().toString(),
                        "expected a class of the schema; tag skipped"));
                continue;
            }
            a.info().attributes().keySet().forEach(n -> losses.note("attributes." + n, item.id(), "a label CSV cannot hold attributes; not written"));
            if (!a.info().source().equals(Source.human())) {
                losses.note("source", item.id(), "a label CSV cannot hold who made a tag; not written");
            }
            labels.add(name);
            scores.add(a.info().confidence().isPresent() ? Double.toString(a.info().confidence().getAsDouble()) : "");
        }
        copy(Path.of(item.image().location()), image, where, report);
        List<String> cells = new ArrayList<>(List.of(relative, String.join(";", labels)));
        if (columns[0]) {
            cells.add(item.subset());
        }
        if (columns[1]) {
            cells.add(String.join(";", scores));
        }
        line(out, cells);
    }

    private static void copy(Path source, Path target, String where, ImportReport report) throws IOException {
        if (!Files.isRegularFile(source)) {
            report.warn(new FieldError(where, "image", source.toString(), "expected an image file to copy; only its row is written"));
            return;
        }
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            return;
        }
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial");
        Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void line(BufferedWriter out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** A field as RFC 4180 writes it: quoted (quotes doubled) when it holds a comma, quote, line break or edge space. */
    static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0
                || !cell.equals(cell.strip());
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}
