package dev.annota.formats.masks;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * Generic semantic-segmentation masks: a folder with {@code images/} (any depth; the item id is the path
 * inside it without extension), {@code masks/} holding one PNG per image with the same relative path and stem,
 * and a palette file ({@code labelmap.txt}, {@code palette.txt}, {@code label_colors.txt} or
 * {@code classes.txt}; forms in {@link PaletteFile}). Each class present in an image's mask becomes one
 * {@link dev.annota.core.annotation.MaskAnnotation}. A class named {@code background} (or
 * {@code _background_}) is the background; unlisted values 0 (background) and 255 (void) are ignored.
 *
 * <p>The writer writes indexed PNGs whose value is the class's line in {@code palette.txt} ({@code background}
 * first, then the classes in id order) and VOC colours; polygons are rasterised (warned), several masks of
 * one class on one image merge into one (warned), overlaps keep the later mask (warned), and every other kind
 * and every attribute, occluded flag, score or group is reported as not written.
 */
public final class MasksFormat implements DatasetFormat {
    public static final String NAME = "masks";
    static final String IMAGES_DIR = "images";
    static final String MASKS_DIR = "masks";
    static final String PALETTE_FILE = "palette.txt";

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
        return "Semantic masks: images/ + masks/ PNGs (indexed, gray or colour) + a palette file";
    }

    @Override
    public FormatDetector detector() {
        return new MasksDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new MasksReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new MasksWriter());
    }

    /** True for the names the generic format and VOC's labelmap give the background class. */
    public static boolean isBackground(String name) {
        String n = name.strip().toLowerCase(java.util.Locale.ROOT);
        return n.equals("background") || n.equals("_background_") || n.equals("__background__");
    }
}
