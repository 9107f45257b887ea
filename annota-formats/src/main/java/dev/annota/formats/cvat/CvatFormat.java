package dev.annota.formats.cvat;

import dev.annota.core.annotation.Source;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * CVAT for images 1.1 (XML): boxes (rotated too), polygons, polylines, points, tags, skeletons, masks
 * (CVAT's box RLE), cuboids and ellipses, with attributes, {@code occluded}, {@code z_order},
 * {@code group_id} and {@code source}. Read and written with StAX, one {@code <image>} at a time, so a file
 * with a million shapes is streamed, never held in memory.
 *
 * <p>Layouts: CVAT's export ({@code annotations.xml} + {@code images/}), Datumaro's ({@code <subset>.xml}
 * files + {@code images/}), or a single XML file. The subset of an image is its {@code subset} attribute
 * (project exports), else the task's {@code <subset>} in {@code <meta>}, else the file's name unless it is
 * {@code annotations.xml}, else {@link dev.annota.core.item.Item#DEFAULT_SUBSET}.
 *
 * <p>Conversions (both ways): {@code <box rotation>} ↔ rotated box (a box with a {@code rotation} attribute,
 * even 0, is a rotated box); {@code <skeleton>} ↔ keypoints in the order of the skeleton label's sub-labels
 * ({@code outside="1"} ↔ absent, {@code occluded="1"} ↔ occluded); {@code <mask>} ↔ a COCO RLE over the whole
 * image; {@code source} manual ↔ a person, auto ↔ {@link #AUTO}, semi-auto ↔ {@link #SEMI_AUTO}; input types
 * select and radio → select, checkbox, number ({@code min max step}; a whole step means whole numbers), text.
 * A shape with an empty label is kept under the class {@link #UNLABELED}, with a warning.
 */
public final class CvatFormat implements DatasetFormat {
    public static final String NAME = "cvat";
    /** The annotation file of CVAT's export layout. */
    static final String ANNOTATIONS_FILE = "annotations.xml";
    /** The folder holding the images. */
    static final String IMAGES_DIR = "images";
    /** The class that shapes with an empty {@code label=""} are kept under. */
    public static final String UNLABELED = "(unlabeled)";
    /** What {@code source="auto"} reads as. */
    public static final Source AUTO = Source.model("cvat-auto", "unknown");
    /** What {@code source="semi-auto"} reads as. */
    public static final Source SEMI_AUTO = Source.model("cvat-semi-auto", "unknown");

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
        return "CVAT for images 1.1 XML (box, rotated box, polygon, polyline, points, tag, skeleton, mask, cuboid, ellipse)";
    }

    @Override
    public FormatDetector detector() {
        return new CvatDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new CvatReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new CvatWriter());
    }
}
