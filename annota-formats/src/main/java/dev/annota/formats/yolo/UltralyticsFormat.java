package dev.annota.formats.yolo;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * YOLO in the Ultralytics layout: {@code data.yaml} ({@code path}, {@code train}/{@code val}/{@code test} as
 * folders or list files, {@code names}, {@code nc}, {@code kpt_shape}, {@code flip_idx}),
 * {@code images/<split>/} and {@code labels/<split>/}. Label lines hold boxes (detect), polygons (segment),
 * boxes with keypoints (pose) or four corners (OBB), told apart per line by their number of values (see
 * {@link LabelLines}). Ultralytics' classification layout ({@code <split>/<class>/*.jpg}) is the
 * {@code imagenet} format, which reads split folders.
 */
public final class UltralyticsFormat implements DatasetFormat {
    public static final String NAME = "ultralytics";
    static final String YAML_FILE = "data.yaml";
    static final String IMAGES = "images";
    static final String LABELS = "labels";
    /** Class names, one per line, in YOLO folders without data.yaml (Label Studio's YOLO export). */
    static final String CLASSES_FILE = "classes.txt";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "8";
    }

    @Override
    public String description() {
        return "YOLO Ultralytics layout: data.yaml, images/ + labels/ (detect, segment, pose, OBB)";
    }

    @Override
    public FormatDetector detector() {
        return new UltralyticsDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new UltralyticsReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new UltralyticsWriter());
    }
}
