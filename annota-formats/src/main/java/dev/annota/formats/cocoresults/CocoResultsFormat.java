package dev.annota.formats.cocoresults;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * COCO results files (import only): a JSON array of detections {@code {image_id, category_id, score, bbox |
 * segmentation (RLE) | keypoints}}, as models and pycocotools' {@code loadRes} exchange them. A results file
 * names no images, so it is read against its ground truth, a COCO instances dataset: see {@link CocoResults}.
 */
public final class CocoResultsFormat implements DatasetFormat {
    public static final String NAME = "coco_results";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.0";
    }

    @Override
    public String description() {
        return "COCO results JSON array (bbox / RLE segm / keypoints with scores), read against a COCO ground truth; import only";
    }

    @Override
    public FormatDetector detector() {
        return new CocoResultsDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new CocoResultsReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.empty();
    }
}
