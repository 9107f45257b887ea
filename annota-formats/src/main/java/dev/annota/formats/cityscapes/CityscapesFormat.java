package dev.annota.formats.cityscapes;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * Cityscapes fine annotations: {@code leftImg8bit/<split>/<city>/<name>_leftImg8bit.png} images and
 * {@code gtFine/<split>/<city>/<name>_gtFine_instanceIds.png} / {@code _labelIds.png} / {@code _color.png}.
 * The item id is {@code <city>/<name>}, the subset the split.
 *
 * <p>Reading uses {@code instanceIds} when present, else {@code labelIds}: each distinct pixel value is one
 * {@link dev.annota.core.annotation.MaskAnnotation} — a value {@code >= 1000} is instance {@code value % 1000}
 * of class {@code value / 1000}; a smaller value is the class itself (a "stuff" class, or for a class with
 * instances a crowd region, which gets the flag attribute {@code iscrowd}, as in COCO). Value 0
 * ("unlabeled") is background and no mask. Classes come from the standard table ({@link CityscapesLabels},
 * label id = Cityscapes id, names as in the table, with spaces) or from Datumaro's {@code label_colors.txt}
 * ({@code r g b name} per line, value = line position, every class may have instances).
 *
 * <p>The writer writes the same three PNGs per item (rules in {@link CityscapesWriter}).
 */
public final class CityscapesFormat implements DatasetFormat {
    public static final String NAME = "cityscapes";
    static final String IMAGES = "leftImg8bit";
    static final String GT = "gtFine";
    static final String IMAGE_SUFFIX = "_leftImg8bit";
    static final String INSTANCE_SUFFIX = "_gtFine_instanceIds.png";
    static final String LABEL_SUFFIX = "_gtFine_labelIds.png";
    static final String COLOR_SUFFIX = "_gtFine_color.png";
    static final String LABEL_COLORS = "label_colors.txt";
    static final String ISCROWD = "iscrowd";

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
        return "Cityscapes gtFine labelIds / instanceIds PNGs with leftImg8bit images";
    }

    @Override
    public FormatDetector detector() {
        return new CityscapesDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new CityscapesReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new CityscapesWriter());
    }
}
