package dev.annota.formats.cocopanoptic;

import dev.annota.formats.FormatDetector;
import dev.annota.formats.coco.CocoJsonProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A COCO panoptic JSON (an object whose annotations carry {@code segments_info}, or a {@code panoptic_*.json}
 * with images and annotations) is certainly this format: 1.0. A folder is judged by its panoptic JSON files.
 */
final class CocoPanopticDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            double best = 0;
            for (Path f : CocoPanopticReader.panopticFiles(path)) {
                best = Math.max(best, fileConfidence(f));
            }
            return best;
        }
        return fileConfidence(path);
    }

    static double fileConfidence(Path file) throws IOException {
        CocoJsonProbe probe = CocoJsonProbe.of(file);
        if (!probe.rootIsObject()) {
            return 0;
        }
        if (probe.firstElement().contains("segments_info")) {
            return 1.0;
        }
        if (probe.isPanoptic(file) && probe.keys().contains("images") && probe.keys().contains("annotations")) {
            return 1.0; // named panoptic_*.json, with no annotation to look at
        }
        return 0;
    }
}
