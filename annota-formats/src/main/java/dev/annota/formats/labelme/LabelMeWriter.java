package dev.annota.formats.labelme;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.ItemStreams;
import dev.annota.formats.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one LabelMe JSON per item, {@code <item id>.json}, next to the copy of its image
 * {@code <item id>.<ext>} ({@code imagePath} is the image's file name, {@code imageData} null). Items of a
 * subset other than the default go under a folder named after the subset (LabelMe has no splits, so the
 * subset reads back as part of the item id; reported once per subset). Items are streamed; each file appears
 * atomically. See {@link ShapeWriter} for what is converted.
 */
final class LabelMeWriter implements DatasetWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public void write(Dataset dataset, Path folder, ImportReport report) throws IOException {
        Files.createDirectories(folder);
        LabelSchema schema = dataset.schema();
        Set<String> subsetsWarned = new HashSet<>();
        ItemStreams.forEach(dataset.items(), item -> item(item, schema, folder, subsetsWarned, report));
    }

    private static void item(Item item, LabelSchema schema, Path folder, Set<String> subsetsWarned, ImportReport report) throws IOException {
        String where = "item " + item.id();
        String base = item.subset().equals(Item.DEFAULT_SUBSET) ? item.id() : item.subset() + "/" + item.id();
        if (!item.subset().equals(Item.DEFAULT_SUBSET) && subsetsWarned.add(item.subset())) {
            report.warn(new FieldError(where, "subset", item.subset(), "expected what LabelMe can hold (no splits); the subset's "
                    + "items are written under " + item.subset() + "/ and read back with it in their ids"));
        }
        String ext = extension(item.image().location());
        Path image = SafePaths.resolveInside(folder, base + ext, where, "id");
        Path json = SafePaths.resolveInside(folder, base + ".json", where, "id");
        Files.createDirectories(json.getParent());
        Optional<Path> source = sourceFile(item.image().location());
        if (source.isPresent()) {
            Path tmp = image.resolveSibling("." + image.getFileName() + ".partial");
            Files.copy(source.get(), tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, image, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            report.warn(new FieldError(where, "image", item.image().location(), "expected an existing image file to copy; "
                    + image.getFileName() + " is named without the file"));
        }
        Optional<ImageSize> size = item.image().size().or(() -> source.flatMap(ImageProbe::size));
        ObjectNode root = JSON.createObjectNode();
        root.put("version", LabelMeFormat.WRITTEN_VERSION);
        ObjectNode flags = root.putObject("flags");
        ArrayNode shapes = root.putArray("shapes");
        int firstFreeGroup = item.annotations().stream().mapToInt(a -> a.info().groupId().orElse(0)).max().orElse(0) + 1;
        ShapeWriter writer = new ShapeWriter(shapes, flags, firstFreeGroup);
        for (int i = 0; i < item.annotations().size(); i++) {
            Annotation a = item.annotations().get(i);
            String at = where + ": annotations[" + i + "]";
            String label = schema.get(a.label()).map(c -> c.name()).orElse("label_" + a.label().value());
            writer.write(a, label, (field, value, expected) -> report.warn(new FieldError(at, field, value, expected)));
        }
        root.put("imagePath", image.getFileName().toString());
        root.putNull("imageData");
        if (size.isPresent()) {
            root.put("imageHeight", size.get().height());
            root.put("imageWidth", size.get().width());
        } else {
            report.warn(new FieldError(where, "image.size", null, "expected a known image size; imageHeight and imageWidth are null"));
            root.putNull("imageHeight");
            root.putNull("imageWidth");
        }
        Path tmp = json.resolveSibling("." + json.getFileName() + ".partial");
        JSON.writeValue(tmp.toFile(), root);
        Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String extension(String location) {
        String name = location.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot) : ".png";
    }

    private static Optional<Path> sourceFile(String location) {
        try {
            Path p = Path.of(location);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty(); // a URL or another location that is not a local file: nothing to copy
        }
    }
}
