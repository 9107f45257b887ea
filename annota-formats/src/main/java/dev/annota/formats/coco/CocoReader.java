package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads COCO JSON files with a streaming parser: each element of {@code images}, {@code annotations} and
 * {@code categories} is parsed on its own, so an error names the file, the line and the JSON pointer of the
 * element, and one bad element never stops the rest under {@link dev.annota.formats.ErrorPolicy#COLLECT}.
 */
final class CocoReader implements DatasetReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonFactory FACTORY = JSON.getFactory();

    @Override
    public Dataset read(Path path, ImportReport report) throws IOException {
        Path root = Files.isDirectory(path) ? path : datasetRoot(path);
        List<Path> files = Files.isDirectory(path) ? annotationFiles(path) : List.of(path);
        if (files.isEmpty()) {
            throw new ValidationException(new FieldError(path.toString(), "annotations", null,
                    "expected COCO JSON files in " + CocoFormat.ANNOTATIONS_DIR + "/"));
        }
        CocoAssembler assembler = new CocoAssembler(root, report);
        for (Path file : files) {
            parseFile(file, subsetOf(file, files.size()), assembler, report);
        }
        List<Item> items = assembler.items();
        return Dataset.streaming(assembler.schema(), () -> items.stream());
    }

    /** The JSON files of a folder layout: {@code annotations/*.json}, or {@code *.json} in the folder itself. */
    static List<Path> annotationFiles(Path folder) throws IOException {
        Path dir = folder.resolve(CocoFormat.ANNOTATIONS_DIR);
        Path where = Files.isDirectory(dir) ? dir : folder;
        try (Stream<Path> s = Files.list(where)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }

    /** A file inside {@code annotations/} belongs to the dataset in the folder above. */
    private static Path datasetRoot(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent.getFileName() != null && parent.getFileName().toString().equals(CocoFormat.ANNOTATIONS_DIR)) {
            return parent.getParent();
        }
        return parent;
    }

    /** {@code instances_train.json} → {@code train}; a lone file without a subset suffix → default. */
    static String subsetOf(Path file, int fileCount) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - ".json".length());
        for (String prefix : List.of("instances_", "person_keypoints_", "image_info_", "labels_", "captions_")) {
            if (stem.startsWith(prefix) && stem.length() > prefix.length()) {
                return stem.substring(prefix.length());
            }
        }
        return fileCount == 1 ? Item.DEFAULT_SUBSET : stem;
    }

    private void parseFile(Path file, String subset, CocoAssembler assembler, ImportReport report) throws IOException {
        String fileName = file.getFileName().toString();
        CocoAssembler.FileScope scope = assembler.beginFile(subset, fileName);
        try (JsonParser p = FACTORY.createParser(file.toFile())) {
            p.setCodec(JSON);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new ValidationException(new FieldError(fileName + ":" + p.currentLocation().getLineNr(), "(root)",
                        String.valueOf(p.currentToken()), "expected a JSON object with images, annotations and categories"));
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                switch (key) {
                    case "images", "annotations", "categories" -> {
                        if (t != JsonToken.START_ARRAY) {
                            throw new ValidationException(new FieldError(fileName + ":" + p.currentLocation().getLineNr(),
                                    key, String.valueOf(t), "expected an array"));
                        }
                        int index = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            String where = fileName + ":" + p.currentLocation().getLineNr() + " /" + key + "/" + index;
                            JsonNode element = p.readValueAsTree();
                            scope.accept(key, new JsonFields(element, where));
                            index++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var loc = e.getLocation();
            report.error(new FieldError(fileName + (loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr()),
                    "(json)", null, "expected well-formed JSON (" + e.getOriginalMessage() + ")"));
        }
        scope.end();
    }
}
