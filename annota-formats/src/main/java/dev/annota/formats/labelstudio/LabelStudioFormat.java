package dev.annota.formats.labelstudio;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * Label Studio's JSON export of image tasks: a JSON array of tasks, each with {@code data} (the image URL or
 * path), {@code annotations} (one per annotator, each a list of {@code result} regions) and
 * {@code predictions} (a model's results with scores). Regions: {@code rectanglelabels} (with rotation about
 * the top-left corner), {@code polygonlabels} (open ones as polylines), {@code keypointlabels},
 * {@code ellipselabels}, {@code brushlabels} (Label Studio's brush RLE), and image-level {@code choices}.
 * Coordinates are percentages of the image size. A dataset is one export JSON (optionally beside a
 * {@code label_config.xml} and the images), or a folder holding them.
 */
public final class LabelStudioFormat implements DatasetFormat {
    public static final String NAME = "label_studio";
    /** Item metadata key holding the task id. */
    public static final String TASK_ID = "label_studio.task_id";
    /** The model name of predictions without {@code model_version}. */
    static final String UNKNOWN_MODEL = "unknown-model";
    /** The model version of predictions whose {@code model_version} has no {@code @version} part. */
    static final String UNVERSIONED = "unversioned";
    /** The export file the writer produces. */
    static final String EXPORT_FILE = "export.json";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.x";
    }

    @Override
    public String description() {
        return "Label Studio JSON export (rectangles with rotation, polygons, keypoints, ellipses, brush masks, choices, "
                + "several annotators, predictions)";
    }

    @Override
    public FormatDetector detector() {
        return new LabelStudioDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new LabelStudioReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new LabelStudioWriter());
    }
}
