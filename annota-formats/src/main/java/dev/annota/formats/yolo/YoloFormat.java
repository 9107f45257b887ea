package dev.annota.formats.yolo;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * YOLO in the darknet layout (as CVAT and Datumaro export it): {@code obj.data}, {@code obj.names}, one image
 * list per subset ({@code train.txt}, {@code valid.txt}) and {@code obj_<subset>_data/} holding each image with
 * its label file ({@code class cx cy w h}, normalised). Boxes only; the Ultralytics layout (segments, pose,
 * oriented boxes) is the {@code ultralytics} format.
 */
public final class YoloFormat implements DatasetFormat {
    public static final String NAME = "yolo";
    static final String DATA_FILE = "obj.data";
    static final String NAMES_FILE = "obj.names";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "1.1";
    }

    @Override
    public String description() {
        return "YOLO darknet layout: obj.data, obj.names, train.txt, obj_train_data/ (boxes)";
    }

    @Override
    public FormatDetector detector() {
        return new YoloDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new YoloReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new YoloWriter());
    }
}
