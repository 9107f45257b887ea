package dev.annota.formats.coco;

import dev.annota.formats.FormatDetector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Recognises a COCO JSON by its top-level keys, reading only the keys (values are skipped, so a large file is
 * scanned, not loaded), or a folder whose {@code annotations/} holds such files.
 */
final class CocoDetector implements FormatDetector {
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
        CocoJsonProbe probe = CocoJsonProbe.of(file);
        if (!probe.rootIsObject() || probe.isPanoptic(file)) {
            return 0; // COCO panoptic files (segments_info, panoptic_*.json) belong to the coco_panoptic format
        }
        Set<String> keys = probe.keys();
        if (keys.contains("images") && keys.contains("annotations") && keys.contains("categories")) {
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
