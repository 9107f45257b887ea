package dev.annota.formats.labelstudio;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes {@code export.json} (a JSON array of tasks, streamed item by item), {@code label_config.xml} (the
 * controls and labels used) and {@code images/<item id>.<ext>} (copies of the images that exist). Each task's
 * image is {@code /data/local-files/?d=images/<file>}. The annotations of each human source become one
 * Label Studio annotation ({@code completed_by}: the user, as a number when it is one); those of each model
 * source one prediction ({@code model_version}: {@code name@version}, or the name alone when the version is
 * {@value LabelStudioFormat#UNVERSIONED}; {@code score}: the mean confidence of its results). Coordinates are
 * percentages with full double precision; see {@link ResultWriter} for what is converted. Files appear
 * atomically (written beside, then moved into place).
 */
final class LabelStudioWriter implements DatasetWriter {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(LabelStudioFormat.EXPORT_FILE);
        Path partial = folder.resolve("." + LabelStudioFormat.EXPORT_FILE + ".partial");
        ConfigCollector config = new ConfigCollector();
        Set<Long> taskIds = new HashSet<>();
        try (JsonGenerator g = JSON.createGenerator(partial.toFile(), JsonEncoding.UTF8);
             Stream<Item> items = dataset.items()) {
            g.writeStartArray();
            items.forEach(item -> {
                try {
                    task(g, item, dataset, folder, config, taskIds, report);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Path cfg = folder.resolve("." + LabelConfig.FILE + ".partial");
        Files.writeString(cfg, config.xml(dataset.schema().classes().stream().map(c -> c.name()).toList()), StandardCharsets.UTF_8);
        Files.move(cfg, folder.resolve(LabelConfig.FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void task(JsonGenerator g, Item item, Dataset dataset, Path folder, ConfigCollector config,
            Set<Long> taskIds, ImportReport report) throws IOException {
        String where = "item " + item.id();
        String file = ImageLocations.IMAGES_DIR + "/" + item.id() + ImageLocations.extension(item.image().location());
        Path copy = SafePaths.resolveInside(folder, file, where, "id");
        Optional<Path> source = sourceFile(item.image().location());
        if (source.isPresent()) {
            Files.createDirectories(copy.getParent());
            Path tmp = copy.resolveSibling("." + copy.getFileName() + ".partial");
            Files.copy(source.get(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            report.warn(new FieldError(where, "image", item.image().location(), "expected an existing image file to copy; "
                    + "the task names " + file + " without the file"));
        }
        Optional<ImageSize> size = item.image().size().or(() -> source.flatMap(ImageProbe::size));
        g.writeStartObject();
        g.writeNumberField("id", taskId(item, taskIds));
        g.writeObjectFieldStart("data");
        g.writeStringField("image", "/data/local-files/?d=" + encode(file));
        g.writeEndObject();
        if (size.isEmpty() && !item.annotations().isEmpty()) {
            report.warn(new FieldError(where, "image.size", null, "expected a known image size to write percent "
                    + "coordinates; the task's " + item.annotations().size() + " annotations are not written"));
        }
        Map<Source, List<Integer>> bySource = new LinkedHashMap<>();
        if (size.isPresent()) {
            for (int i = 0; i < item.annotations().size(); i++) {
                bySource.computeIfAbsent(item.annotations().get(i).info().source(), s -> new ArrayList<>()).add(i);
            }
        }
        g.writeArrayFieldStart("annotations");
        int annotationId = 1;
        for (var e : bySource.entrySet()) {
            if (e.getKey() instanceof Source.Human h) {
                g.writeStartObject();
                g.writeNumberField("id", annotationId++);
                if (h.user().isPresent()) {
                    String user = h.user().get();
                    if (user.matches("[0-9]{1,18}")) {
                        g.writeNumberField("completed_by", Long.parseLong(user));
                    } else {
                        g.writeStringField("completed_by", user);
                    }
                }
                g.writeBooleanField("was_cancelled", false);
                results(g, item, e.getValue(), dataset, size.get(), config, report);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayFieldStart("predictions");
        for (var e : bySource.entrySet()) {
            if (e.getKey() instanceof Source.Model m) {
                g.writeStartObject();
                g.writeNumberField("id", annotationId++);
                g.writeStringField("model_version", m.version().equals(LabelStudioFormat.UNVERSIONED)
                        ? m.name() : m.name() + "@" + m.version());
                OptionalDouble mean = e.getValue().stream().map(i -> item.annotations().get(i).info().confidence())
                        .filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
                if (mean.isPresent()) {
                    g.writeNumberField("score", mean.getAsDouble());
                }
                results(g, item, e.getValue(), dataset, size.get(), config, report);
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeObjectFieldStart("meta");
        g.writeStringField("annota_item_id", item.id());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void results(JsonGenerator g, Item item, List<Integer> indices, Dataset dataset, ImageSize size,
            ConfigCollector config, ImportReport report) throws IOException {
        g.writeArrayFieldStart("result");
        ResultWriter writer = new ResultWriter(g, dataset.schema(), size, config);
        for (int i : indices) {
            Annotation a = item.annotations().get(i);
            String where = "item " + item.id() + ": annotations[" + i + "]";
            writer.write(a, "r" + i, (field, value, expected) -> report.warn(new FieldError(where, field, value, expected)));
        }
        g.writeEndArray();
    }

    /** The task id from the item's metadata when it is a number not used yet, else the next free one. */
    private static long taskId(Item item, Set<Long> used) {
        String meta = item.metadata().getOrDefault(LabelStudioFormat.TASK_ID, "");
        if (meta.matches("[0-9]{1,18}") && used.add(Long.parseLong(meta))) {
            return Long.parseLong(meta);
        }
        long id = used.size() + 1L;
        while (!used.add(id)) {
            id++;
        }
        return id;
    }

    private static Optional<Path> sourceFile(String location) {
        try {
            Path p = Path.of(location);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty(); // a URL or another location that is not a local file: nothing to copy
        }
    }

    /** Each path segment URL-encoded, slashes kept. */
    private static String encode(String path) {
        return Stream.of(path.split("/")).map(s -> URLEncoder.encode(s, StandardCharsets.UTF_8)).collect(Collectors.joining("/"));
    }
}
