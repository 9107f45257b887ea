package dev.annota.formats.labelme;

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
 * Recognises a LabelMe file by its top-level keys (values skipped): a JSON object with {@code shapes} and
 * {@code imagePath} (1.0), or {@code shapes} with {@code imageHeight} or {@code version} (0.7). A folder counts
 * through the first {@value #SAMPLE} JSON files found in it (0.95 of the best). Label Studio exports are
 * arrays and COCO files have {@code images}, so neither matches.
 */
final class LabelMeDetector implements FormatDetector {
    static final int SAMPLE = 20;
    private static final JsonFactory JSON = new JsonFactory();

    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            double best = 0;
            try (Stream<Path> s = Files.walk(path, 4)) {
                for (Path f : s.filter(LabelMeDetector::isJson).filter(Files::isRegularFile).limit(SAMPLE).toList()) {
                    best = Math.max(best, fileConfidence(f));
                }
            }
            return best * 0.95;
        }
        return isJson(path) ? fileConfidence(path) : 0;
    }

    static boolean isJson(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    /**
     * Every LabelMe JSON under {@code folder}, sorted, and every file there that is not well-formed JSON (so the
     * reader reports it rather than passing over it); well-formed JSON of other shapes is left out.
     */
    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> s = Files.walk(folder)) {
            List<Path> json = s.filter(LabelMeDetector::isJson).filter(Files::isRegularFile).sorted().toList();
            List<Path> out = new java.util.ArrayList<>();
            for (Path f : json) {
                if (!wellFormed(f) || fileConfidence(f) > 0) {
                    out.add(f);
                }
            }
            return out;
        }
    }

    private static boolean wellFormed(Path file) throws IOException {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            while (p.nextToken() != null) {
                p.skipChildren();
            }
            return true;
        } catch (JsonProcessingException e) {
            return false;
        }
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
        } catch (JsonProcessingException e) {
            return 0; // not JSON, or broken: not a LabelMe file we can read
        }
        if (!keys.contains("shapes")) {
            return 0;
        }
        if (keys.contains("imagePath")) {
            return 1.0;
        }
        return keys.contains("imageHeight") || keys.contains("version") ? 0.7 : 0;
    }
}
