package dev.annota.formats.voc;

import dev.annota.formats.DatasetFormat;
import dev.annota.formats.DatasetReader;
import dev.annota.formats.DatasetWriter;
import dev.annota.formats.FormatDetector;
import java.util.List;
import java.util.Optional;

/**
 * Pascal VOC, as the VOC devkit and Datumaro lay it out:
 * <ul>
 *   <li>{@code Annotations/<id>.xml}: one {@code <object>} per box with {@code <name>}, {@code <bndbox>}
 *       (xmin, ymin, xmax, ymax taken as written, as Datumaro and CVAT do: the box is
 *       [xmin, xmax) × [ymin, ymax), no 1-based shift), {@code <pose>} (text attribute {@code pose}),
 *       {@code <truncated>} and {@code <difficult>} (flag attributes), {@code <occluded>} (the annotation's
 *       occluded flag), {@code <actions>} (one flag attribute per action), Datumaro's
 *       {@code <attributes><attribute><name/><value/>} (a value reads as a flag when true/false, a number
 *       when numeric, else text), and {@code <part>} boxes of the person layout (head, hand, foot): each part
 *       is a box of its own label in the object's group;</li>
 *   <li>{@code ImageSets/{Main,Segmentation,Layout,Action}/<subset>.txt}: the subsets;
 *       {@code ImageSets/Main/<class>_<subset>.txt}: image-level labels, {@code 1} a {@link
 *       dev.annota.core.annotation.Tag}, {@code 0} a tag with flag attribute {@code difficult}, {@code -1}
 *       none;</li>
 *   <li>{@code SegmentationClass/<id>.png} (palette index = class, 255 = void) and
 *       {@code SegmentationObject/<id>.png} (index = instance; instance k is the k-th XML object): one mask per
 *       instance, its class from the class PNG, grouped with its XML object when their classes agree; without
 *       an object PNG, one mask per class;</li>
 *   <li>{@code JPEGImages/<id>.<ext>} and {@code labelmap.txt} (classes, colours, parts, actions).</li>
 * </ul>
 * The writer writes the same layout; its conversion rules are in {@link VocWriter}.
 */
public final class VocFormat implements DatasetFormat {
    public static final String NAME = "voc";
    static final String ANNOTATIONS = "Annotations";
    static final String IMAGES = "JPEGImages";
    static final String IMAGE_SETS = "ImageSets";
    static final String SEG_CLASS = "SegmentationClass";
    static final String SEG_OBJECT = "SegmentationObject";
    static final String LABELMAP = "labelmap.txt";
    /** The ImageSets tasks whose {@code <subset>.txt} lists name subsets. */
    static final List<String> TASKS = List.of("Main", "Segmentation", "Layout", "Action");
    /** The pixel value of void (object borders, "don't care") in both segmentation PNGs. */
    static final int VOID = 255;

    static final List<String> VOC_CLASSES = List.of("aeroplane", "bicycle", "bird", "boat", "bottle", "bus", "car",
            "cat", "chair", "cow", "diningtable", "dog", "horse", "motorbike", "person", "pottedplant", "sheep", "sofa",
            "train", "tvmonitor");
    static final List<String> PART_LABELS = List.of("head", "hand", "foot");
    static final List<String> ACTIONS = List.of("jumping", "phoning", "playinginstrument", "reading", "ridingbike",
            "ridinghorse", "running", "takingphoto", "usingcomputer", "walking", "other");
    /** Attributes that have elements of their own in an {@code <object>}. */
    static final String POSE = "pose";
    static final String TRUNCATED = "truncated";
    static final String DIFFICULT = "difficult";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return "2012";
    }

    @Override
    public String description() {
        return "Pascal VOC: Annotations XML (boxes, pose, truncated, difficult, occluded, parts, actions), "
                + "ImageSets lists, SegmentationClass/Object palette PNGs";
    }

    @Override
    public FormatDetector detector() {
        return new VocDetector();
    }

    @Override
    public Optional<DatasetReader> reader() {
        return Optional.of(new VocReader());
    }

    @Override
    public Optional<DatasetWriter> writer() {
        return Optional.of(new VocWriter());
    }
}
