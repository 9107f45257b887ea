package dev.annota.formats.voc;

import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Rle;
import dev.annota.core.schema.LabelId;
import dev.annota.formats.ImportReport;
import dev.annota.formats.masks.LabelImage;
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ValueMasks;
import dev.annota.formats.masks.VocColormap;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * Reads the segmentation PNGs of one image: with {@code SegmentationObject}, one mask per instance whose class
 * is the most common class of its pixels in {@code SegmentationClass} (or, without a class PNG, the class of
 * the k-th XML object); with only {@code SegmentationClass}, one mask per class. Background (0) and void
 * (255) are never masks.
 */
final class VocSegmentation {
    /** A mask, and for an instance mask its instance number (the 1-based index of its XML object). */
    record Segment(MaskAnnotation mask, OptionalInt instance) {
    }

    private static final Map<Integer, Integer> VOC_INDEX_OF_COLOUR = new HashMap<>();

    static {
        for (int i = 255; i >= 0; i--) {
            VOC_INDEX_OF_COLOUR.put(VocColormap.colour(i), i);
        }
    }

    private VocSegmentation() {
    }

    static List<Segment> read(Optional<Path> classPng, Optional<Path> objectPng, Path root, Optional<ImageSize> size,
            VocLabels labels, IntFunction<Optional<LabelId>> objectLabel, ImportReport report) throws IOException {
        int[] classes = null;
        String classFile = null;
        int w = 0, h = 0;
        if (classPng.isPresent()) {
            classFile = root.relativize(classPng.get()).toString().replace('\\', '/');
            LabelImage img = load(classPng.get(), classFile, size);
            w = img.width();
            h = img.height();
            classes = indices(img, rgb -> labels.indexOfColour(rgb), classFile, report);
        }
        List<Segment> out = new ArrayList<>();
        if (objectPng.isEmpty()) {
            if (classes == null) {
                return out;
            }
            for (Map.Entry<Integer, Rle> e : ValueMasks.split(classes, h, w).entrySet()) {
                int index = e.getKey();
                if (index == 0 || index == VocFormat.VOID) {
                    continue;
                }
                Optional<LabelId> label = labels.byIndex(index);
                if (label.isEmpty()) {
                    report.warn(new FieldError(classFile, "class index", Integer.toString(index),
                            "expected the index of a class in the label map; pixels ignored"));
                    continue;
                }
                out.add(new Segment(MaskAnnotation.of(label.get(), e.getValue()), OptionalInt.empty()));
            }
            return out;
        }
        String objectFile = root.relativize(objectPng.get()).toString().replace('\\', '/');
        LabelImage objImg = load(objectPng.get(), objectFile, size);
        if (classes != null && (objImg.width() != w || objImg.height() != h)) {
            throw new ValidationException(new FieldError(objectFile, "size", objImg.width() + "x" + objImg.height(),
                    "expected the size of " + classFile + ", " + w + "x" + h + "; masks skipped"));
        }
        w = objImg.width();
        h = objImg.height();
        int[] instances = indices(objImg, rgb -> {
            Integer i = VOC_INDEX_OF_COLOUR.get(rgb);
            return i == null ? OptionalInt.empty() : OptionalInt.of(i);
        }, objectFile, report);
        Map<Integer, Map<Integer, Integer>> classVotes = new HashMap<>();
        if (classes != null) {
            for (int i = 0; i < instances.length; i++) {
                int c = classes[i];
                if (instances[i] != 0 && instances[i] != VocFormat.VOID && c != 0 && c != VocFormat.VOID) {
                    classVotes.computeIfAbsent(instances[i], k -> new HashMap<>()).merge(c, 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<Integer, Rle> e : ValueMasks.split(instances, h, w).entrySet()) {
            int instance = e.getKey();
            if (instance == 0 || instance == VocFormat.VOID) {
                continue;
            }
            Optional<LabelId> label;
            Map<Integer, Integer> votes = classVotes.getOrDefault(instance, Map.of());
            if (classes != null && !votes.isEmpty()) {
                int best = mostCommon(votes);
                if (votes.size() > 1) {
                    report.warn(new FieldError(objectFile, "instance " + instance, votes.toString(),
                            "expected one class under an instance in " + classFile + "; the most common, " + best + ", is used"));
                }
                label = labels.byIndex(best);
                if (label.isEmpty()) {
                    report.warn(new FieldError(classFile, "class index", Integer.toString(best),
                            "expected the index of a class in the label map; instance " + instance + " ignored"));
                    continue;
                }
            } else {
                label = objectLabel.apply(instance);
                if (label.isEmpty()) {
                    report.warn(new FieldError(objectFile, "instance " + instance, Integer.toString(instance),
                            "expected a class for the instance (from " + VocFormat.SEG_CLASS + " or the XML object); ignored"));
                    continue;
                }
            }
            out.add(new Segment(MaskAnnotation.of(label.get(), e.getValue()), OptionalInt.of(instance)));
        }
        return out;
    }

    /** The class with the most votes; the lower index on a tie. */
    private static int mostCommon(Map<Integer, Integer> votes) {
        int best = -1, most = -1;
        for (Map.Entry<Integer, Integer> v : new java.util.TreeMap<>(votes).entrySet()) {
            if (v.getValue() > most) {
                best = v.getKey();
                most = v.getValue();
            }
        }
        return best;
    }

    private static LabelImage load(Path file, String shown, Optional<ImageSize> size) throws IOException {
        LabelImage img = PalettePng.read(file).orElseThrow(() -> new ValidationException(
                new FieldError(shown, "png", file.getFileName().toString(), "expected a readable PNG; masks skipped")));
        if (size.isPresent() && (size.get().width() != img.width() || size.get().height() != img.height())) {
            throw new ValidationException(new FieldError(shown, "size", img.width() + "x" + img.height(),
                    "expected the size of the image, " + size.get().width() + "x" + size.get().height() + "; masks skipped"));
        }
        return img;
    }

    /** Palette indices of a label PNG; a colour PNG's colours are looked up, unknown colours become void. */
    private static int[] indices(LabelImage img, java.util.function.IntFunction<OptionalInt> indexOfColour, String shown,
            ImportReport report) {
        if (img.encoding() != LabelImage.Encoding.RGB) {
            return img.values();
        }
        int[] out = new int[img.values().length];
        Map<Integer, OptionalInt> cache = new HashMap<>();
        java.util.Set<Integer> warned = new java.util.HashSet<>();
        for (int i = 0; i < out.length; i++) {
            int rgb = img.values()[i];
            OptionalInt idx = cache.computeIfAbsent(rgb, indexOfColour::apply);
            if (idx.isEmpty()) {
                if (warned.add(rgb)) {
                    report.warn(new FieldError(shown, "colour", VocColormap.hex(rgb),
                            "expected a colour of the label map; pixels treated as void"));
                }
                out[i] = VocFormat.VOID;
            } else {
                out[i] = idx.getAsInt();
            }
        }
        return out;
    }
}
