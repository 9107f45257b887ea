package dev.annota.formats.cocoresults;

import dev.annota.formats.FormatDetector;
import dev.annota.formats.coco.CocoJsonProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * A {@code .json} file that is an array whose first element has {@code image_id}, {@code category_id} and
 * {@code score} and one of {@code bbox}, {@code segmentation}, {@code keypoints} is a COCO results file (1.0);
 * without a score, 0.5 (it may be another tool's list). An empty array or a folder is not one (0).
 */
final class CocoResultsDetector implements FormatDetector {
    @Override
    public double confidence(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            return 0;
        }
        CocoJsonProbe probe = CocoJsonProbe.of(path);
        Set<String> first = probe.firstElement();
        if (!probe.rootIsArray() || !first.contains("image_id") || !first.contains("category_id")) {
            return 0;
        }
        if (!(first.contains("bbox") || first.contains("segmentation") || first.contains("keypoints"))) {
            return 0;
        }
        return first.contains("score") ? 1.0 : 0.5;
    }
}
