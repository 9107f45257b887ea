package dev.annota.formats.coco;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Recognises a COCO JSON by its top-level keys, reading only the keys (values are skipped, so a large file is
 * scanned, not loaded), or a folder whose {@code annotations/} holds such files.
 */
final class CocoDetector implements FormatDetector {
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files = CocoReader.annotationFiles(path);
            double best = 0;
            for (Path f : files) {
                best = Math.max(best, fileConfidence(f));
            }
            return best * 0.95;
        }
        if (!path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return 0;
        }
        return fileConfidence(path);
    }

    static double fileConfidence(Path file) throws IOException {
        Set<String> keys = new HashSet<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                keys.add(p.currentName());
                p.nextToken();
                p.skipChildren();
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return 0; // not JSON at all, or truncated: certainly not a COCO file we can read
        }
        if (keys.contains("images") && keys.contains("annotations") && keys.contains("categories")) {
            // COCO panoptic files carry segments_info inside annotations; they are told apart by the panoptic format
            return 1.0;
        }
        if (keys.contains("images") && keys.contains("annotations")) {
            return 0.8;
        }
        if (keys.contains("images") && keys.contains("categories")) {
            return 0.6;
        }
        return 0;
    }
}
