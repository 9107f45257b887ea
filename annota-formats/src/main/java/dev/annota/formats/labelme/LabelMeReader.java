package dev.annota.formats.labelme;

import dev.annota.formats.json.JsonObjectFields;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads LabelMe JSON files (one per image) with a streaming parser: the large {@code imageData} is skipped,
 * and each shape is read on its own, so an error names the file, the shape's line and its JSON pointer
 * ({@code a/img.json:14 /shapes/2}), and a broken shape is skipped under
 * {@link dev.annota.formats.ErrorPolicy#COLLECT}. The image is {@code imagePath} relative to the JSON file;
 * the item id is the image path relative to the dataset folder without its extension.
 */
final class LabelMeReader implements DatasetReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = (Files.isDirectory(path) ? path : path.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        List<Path> files = Files.isDirectory(path) ? LabelMeDetector.files(path) : List.of(path);
        if (files.isEmpty()) {
            throw new ValidationException(new FieldError(path.toString(), "(files)", null,
                    "expected LabelMe JSON files (objects with shapes and imagePath)"));
        }
        LabelSchema.Builder schema = LabelSchema.builder();
        List<Item> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            try {
                Optional<Item> item = readFile(root, file.toAbsolutePath().normalize(), schema, report);
                if (item.isPresent()) {
                    Item it = item.get();
                    if (!ids.add(it.id())) {
                        throw new ValidationException(new FieldError(root.relativize(file.toAbsolutePath().normalize()).toString(),
                                "imagePath", it.image().location(), "expected an image not named by another LabelMe file"));
                    }
                    items.add(it);
                }
            } catch (ValidationException e) {
                report.error(e);
            }
        }
        LabelSchema frozen = schema.build();
        List<Item> all = List.copyOf(items);
        return Dataset.streaming(frozen, all::stream);
    }

    /** The parts of one file, with the line each shape starts on. */
    private record Parsed(ObjectNode top, List<JsonObjectFields> shapes) {
    }

    private static Optional<Item> readFile(Path root, Path file, LabelSchema.Builder schema, ImportReport report) throws IOException {
        String name = root.relativize(file).toString().replace('\\', '/');
        Parsed parsed;
        try {
            parsed = parse(file, name);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            report.error(new FieldError(name + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()),
                    "(json)", null, "expected well-formed JSON (" + e.getOriginalMessage() + ")"));
            return Optional.empty();
        }
        JsonObjectFields top = new JsonObjectFields(parsed.top(), name);
        String imagePath = top.requireText("imagePath");
        Path dir = file.getParent();
        String relDir = root.relativize(dir).toString().replace('\\', '/');
        String rel = relDir.isEmpty() ? imagePath : relDir + "/" + imagePath.replace('\\', '/');
        Path image = SafePaths.resolveInside(root, rel, name, "imagePath");
        Optional<ImageSize> declared = declaredSize(top, report);
        Optional<ImageSize> actual = ImageProbe.size(image);
        if (!Files.isRegularFile(image)) {
            report.warn(top.error("imagePath", top.get("imagePath"), "expected an image file at " + root.relativize(image)
                    + (top.has("imageData") ? " (the embedded imageData is not extracted)" : "") + "; the location is kept"));
        } else if (actual.isEmpty()) {
            report.warn(top.error("imagePath", top.get("imagePath"), "expected a readable image file"));
        } else if (declared.isPresent() && !declared.get().equals(actual.get())) {
            report.warn(top.error("imageWidth/imageHeight", null, "expected the size of the image file, "
                    + actual.get().width() + "x" + actual.get().height() + ", got " + declared.get().width() + "x"
                    + declared.get().height() + " (the file's size is used)"));
        }
        Optional<ImageSize> size = actual.isPresent() ? actual : declared;
        List<Annotation> annotations = new ArrayList<>();
        for (JsonObjectFields s : parsed.shapes()) {
            try {
                Optional<String> label = s.optionalText("label");
                if (label.isEmpty()) {
                    report.warn(s.error("label", s.get("label"), "expected a non-empty label; the shape is not imported"));
                    continue;
                }
                annotations.add(Shapes.read(s, schema.getOrAdd(label.get()), size, report::warn));
            } catch (ValidationException e) {
                report.error(e);
            }
        }
        JsonNode flags = top.get("flags");
        if (flags != null && flags.isObject()) {
            var it = flags.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().isBoolean()) {
                    report.error(top.error("flags." + e.getKey(), e.getValue(), "expected true or false"));
                    continue;
                }
                var id = schema.getOrAdd(e.getKey());
                if (e.getValue().asBoolean()) {
                    annotations.add(Tag.of(id));
                }
            }
        } else if (flags != null && !flags.isNull()) {
            report.error(top.error("flags", flags, "expected an object of flag names to true/false"));
        }
        String imageRel = root.relativize(image).toString().replace('\\', '/');
        String id = stem(imageRel);
        ImageRef ref = new ImageRef(image.toString(), size, Optional.empty());
        return Optional.of(new Item(id, ref, Item.DEFAULT_SUBSET, annotations, Map.of()));
    }

    private static Parsed parse(Path file, String name) throws IOException {
        ObjectNode top = JsonNodeFactory.instance.objectNode();
        List<JsonObjectFields> shapes = new ArrayList<>();
        try (JsonParser p = JSON.getFactory().createParser(file.toFile())) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ValidationException(new FieldError(name + ":" + p.currentLocation().getLineNr(), "(root)",
                        String.valueOf(p.currentToken()), "expected a LabelMe JSON object"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (key.equals("imageData")) {
                    if (t != JsonToken.VALUE_NULL) {
                        top.put(key, true); // present; the bytes themselves are not needed
                    }
                    p.skipChildren();
                } else if (key.equals("shapes") && t == JsonToken.START_ARRAY) {
                    int index = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        String where = name + ":" + p.currentLocation().getLineNr() + " /shapes/" + index++;
                        JsonNode shape = p.readValueAsTree();
                        if (shape == null || !shape.isObject()) {
                            throw new ValidationException(new FieldError(where, "(shape)", String.valueOf(shape), "expected a shape object"));
                        }
                        shapes.add(new JsonObjectFields(shape, where));
                    }
                } else {
                    top.set(key, p.readValueAsTree());
                }
            }
        }
        return new Parsed(top, shapes);
    }

    private static Optional<ImageSize> declaredSize(JsonObjectFields top, ImportReport report) {
        try {
            Optional<Integer> w = top.optionalSide("imageWidth"), h = top.optionalSide("imageHeight");
            return w.isPresent() && h.isPresent() ? Optional.of(new ImageSize(w.get(), h.get())) : Optional.empty();
        } catch (ValidationException e) {
            e.errors().forEach(fe -> report.warn(new FieldError(fe.location(), fe.field(), fe.value(), fe.expected() + " (ignored)")));
            return Optional.empty();
        }
    }

    static String stem(String path) {
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) : path;
    }
}
