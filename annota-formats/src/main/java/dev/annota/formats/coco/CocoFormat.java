package dev.annota.formats.coco;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * COCO instances and person keypoints (JSON): boxes, polygons, RLE masks (compressed and uncompressed),
 * {@code iscrowd}, keypoints with skeletons, and image-level labels (records with neither box nor
 * segmentation). A dataset is one JSON file, or a folder laid out as {@code annotations/instances_<subset>.json}
 * (or {@code person_keypoints_<subset>.json}) with {@code images/<subset>/}.
 */
public final class CocoFormat implements DatasetFormat {
    public static final String NAME = "coco";
    /** The folder holding the JSON files in the folder layout. */
    static final String ANNOTATIONS_DIR = "annotations";
    /** The folder holding the images in the folder layout. */
    static final String IMAGES_DIR = "images";

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
        return "COCO instances / person keypoints JSON (bbox, polygon, RLE, iscrowd, keypoints, image labels)";
    }

    @Override
    public FormatDetector detector() {
        return new CocoDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new CocoReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new CocoWriter());
    }
}
