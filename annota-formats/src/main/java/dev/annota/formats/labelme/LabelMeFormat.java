package dev.annota.formats.labelme;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * LabelMe JSON (5.x): one JSON file per image, beside it, with {@code shapes} ({@code label}, {@code points},
 * {@code group_id}, {@code shape_type} rectangle | polygon | circle | line | linestrip | point | points | mask,
 * {@code flags}, {@code description}, {@code mask}), {@code imagePath} (relative to the JSON file),
 * {@code imageData} (the image in base64, or null), {@code imageHeight}, {@code imageWidth} and image-level
 * {@code flags}. A dataset is one such file or a folder (searched recursively) holding them.
 *
 * <p>Mapping: rectangle → box; polygon → polygon; circle (centre, a point on the circle) → ellipse with
 * rx = ry; line and linestrip → polyline; point and points → points; mask (a PNG of its box, placed at the
 * box's top-left pixel) → a mask over the full image; {@code group_id} → group; shape flags → flag
 * attributes; a non-empty {@code description} → the text attribute {@value #DESCRIPTION}; image flags set
 * to true → tags (every flag name becomes a class).
 */
public final class LabelMeFormat implements DatasetFormat {
    public static final String NAME = "labelme";
    /** The attribute holding a shape's description. */
    public static final String DESCRIPTION = "description";
    /** The LabelMe version the writer states. */
    static final String WRITTEN_VERSION = "5.5.0";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "5.x";
    }

    @Override
    public String description() {
        return "LabelMe JSON, one file per image (rectangle, polygon, circle, line, linestrip, point, points, mask, flags)";
    }

    @Override
    public FormatDetector detector() {
        return new LabelMeDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new LabelMeReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new LabelMeWriter());
    }
}
