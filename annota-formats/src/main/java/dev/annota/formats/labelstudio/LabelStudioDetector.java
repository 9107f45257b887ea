package dev.annota.formats.labelstudio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Recognises a Label Studio export by its shape, reading only the keys of the first task: a top-level JSON
 * array whose first element is an object with {@code data} and {@code annotations} or {@code predictions}
 * (1.0), or with {@code data} only (0.6, tasks not annotated yet). A folder counts through the JSON files
 * directly inside it (0.95 of the best). COCO files and LabelMe files are JSON objects, never arrays.
 */
final class LabelStudioDetector implements FormatDetector {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            double best = 0;
            for (Path f : jsonFiles(path)) {
                best = Math.max(best, fileConfidence(f));
            }
            return best * 0.95;
        }
        return isJson(path) ? fileConfidence(path) : 0;
    }

    static List<Path> jsonFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(LabelStudioDetector::isJson).filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static boolean isJson(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    static double fileConfidence(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return 0;
            }
            JsonToken first = p.nextToken();
            if (first == JsonToken.END_ARRAY) {
                return 0.3; // an empty export: nothing else writes a bare empty array either, but it says little
            }
            if (first != JsonToken.START_OBJECT) {
                return 0;
            }
            Set<String> keys = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
            if (keys.contains("data") && (keys.contains("annotations") || keys.contains("predictions"))) {
                return 1.0;
            }
            return keys.contains("data") ? 0.6 : 0;
        } catch (JsonProcessingException e) {
            return 0; // not JSON, or broken before the first task: not an export we can recognise
        }
    }
}
