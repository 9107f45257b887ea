package dev.annota.formats.cocopanoptic;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.Optional;

/**
 * COCO panoptic segmentation: {@code annotations/panoptic_<subset>.json} lists images, categories (with
 * {@code isthing}) and one record per image whose {@code segments_info} describes each segment of the PNG
 * {@code annotations/panoptic_<subset>/<file_name>}, where a pixel's segment id is {@code R + 256·G + 256²·B}
 * (0: no segment). Each segment is a {@link dev.annota.core.annotation.MaskAnnotation} of its category, with
 * {@code iscrowd} as the attribute {@code iscrowd} and the segment id as its group.
 *
 * <p>{@code isthing} travels in the label schema: a "stuff" class ({@code isthing: 0}) is read as a class
 * that allows only masks; any class allowing other kinds is written as a thing ({@code isthing: 1}).
 */
public final class CocoPanopticFormat implements DatasetFormat {
    public static final String NAME = "coco_panoptic";
    static final String ANNOTATIONS_DIR = "annotations";
    static final String IMAGES_DIR = "images";
    static final String PREFIX = "panoptic_";

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
        return "COCO panoptic (panoptic_<subset>.json + PNG segment ids; isthing, iscrowd)";
    }

    @Override
    public FormatDetector detector() {
        return new CocoPanopticDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new CocoPanopticReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new CocoPanopticWriter());
    }
}
