package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.formats.json.JsonObjectFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One COCO annotation record → Annota annotations. A record holds at most one shape (polygon, RLE mask or
 * box, in that order of preference: the {@code bbox} of a polygon or mask record is derived, not a second
 * object) and optionally keypoints; several annotations from one record share a group id, the record's id.
 * A record with neither shape nor keypoints is an image-level label, a {@link Tag}.
 *
 * <p>{@link #box} and {@link #rle} read the box and the RLE mask of a record for the other COCO-family
 * readers too (results files).
 */
public final class CocoRecords {
    /** Drops what it is given: for passes that re-read records whose problems were already reported. */
    static final Consumer<FieldError> SILENT = e -> { };

    private CocoRecords() {
    }

    /**
     * The annotations of one record. Problems that lose part of the record go to {@code error}; odd but
     * readable values to {@code warn}. Throws {@link ValidationException} when nothing usable is left.
     */
    static List<Annotation> toAnnotations(JsonObjectFields f, LabelId label, Optional<ImageSize> size,
                                          Consumer<FieldError> warn, Consumer<FieldError> error) {
        Map<String, AttributeValue> attributes = new java.util.TreeMap<>(CocoAttributes.read(f, warn));
        boolean occluded = attributes.remove(CocoAttributes.OCCLUDED) instanceof AttributeValue.Flag fl && fl.value();
        OptionalLong crowd = f.optionalLong("iscrowd");
        if (crowd.isPresent() && crowd.getAsLong() != 0 && crowd.getAsLong() != 1) {
            throw f.fail("iscrowd", f.node().get("iscrowd"), "expected 0 or 1");
        }
        if (crowd.isPresent() && crowd.getAsLong() == 1) {
            attributes.put(CocoAttributes.ISCROWD, AttributeValue.of(true));
        }
        OptionalDouble score = f.optionalNumber("score");
        if (score.isPresent() && !(score.getAsDouble() >= 0 && score.getAsDouble() <= 1)) {
            throw f.fail("score", f.node().get("score"), "expected a score in [0, 1]");
        }
        AnnotationInfo info = new AnnotationInfo(label, attributes,
                score.isPresent() ? Source.model("coco-results", "unknown") : Source.human(),
                score, occluded, 0, OptionalInt.empty());

        List<Annotation> out = new ArrayList<>(2);
        shape(f, info, size, warn, error).ifPresent(out::add);
        keypoints(f, info, error).ifPresent(out::add);
        if (out.isEmpty()) {
            out.add(new Tag(info));
        }
        if (out.size() > 1) {
            OptionalLong id = f.optionalLong("id");
            int group = id.isPresent() ? (int) id.getAsLong() : 0;
            out.replaceAll(a -> a.withInfo(a.info().withGroup(group)));
        }
        if (size.isPresent() && warn != SILENT) {
            warnIfOutside(f, out, size.get(), warn);
        }
        return out;
    }

    private static Optional<Annotation> shape(JsonObjectFields f, AnnotationInfo info, Optional<ImageSize> size,
                                              Consumer<FieldError> warn, Consumer<FieldError> error) {
        JsonNode seg = f.node().get("segmentation");
        if (seg != null && seg.isArray() && !seg.isEmpty()) {
            Optional<Polygon> polygon = polygon(f, seg, error);
            if (polygon.isPresent()) {
                return Optional.of(new PolygonAnnotation(info, polygon.get()));
            }
        } else if (seg != null && seg.isObject()) {
            Rle mask = rle(f, seg);
            if (size.isPresent() && (mask.height() != size.get().height() || mask.width() != size.get().width())) {
                warn.accept(f.error("segmentation.size", seg.get("size"),
                        "expected the image size [" + size.get().height() + ", " + size.get().width() + "] (kept as is)"));
            }
            return Optional.of(new MaskAnnotation(info, mask));
        } else if (seg != null && !seg.isNull() && !seg.isArray()) {
            error.accept(f.error("segmentation", seg, "expected a list of polygons or an RLE object; ignored"));
        }
        if (f.has("bbox")) {
            return Optional.of(new BoxAnnotation(info, box(f)));
        }
        return Optional.empty();
    }

    /** The record's {@code bbox}: {@code [x, y, width, height]} in pixels, width and height not negative. */
    public static PixelBox box(JsonObjectFields f) {
        double[] b = f.numbers("bbox", f.node().get("bbox"), 4);
        if (b[2] < 0 || b[3] < 0) {
            throw f.fail("bbox", f.node().get("bbox"), "expected [x, y, width, height] with width and height >= 0");
        }
        return new PixelBox(b[0], b[1], b[2], b[3]);
    }

    private static Optional<Polygon> polygon(JsonObjectFields f, JsonNode seg, Consumer<FieldError> error) {
        List<double[]> parts = new ArrayList<>();
        for (int i = 0; i < seg.size(); i++) {
            String field = "segmentation[" + i + "]";
            try {
                double[] xy = f.numbers(field, seg.get(i), -1);
                if (xy.length < 6 || xy.length % 2 != 0) {
                    error.accept(f.error(field, seg.get(i),
                            "expected a polygon of at least 3 points (an even count of 6 or more numbers); part skipped"));
                    continue;
                }
                parts.add(xy);
            } catch (ValidationException e) {
                e.errors().forEach(error);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(Polygon.fromFlat(parts));
    }

    /**
     * The RLE object {@code seg} (the record's {@code segmentation}): {@code size} as {@code [height, width]},
     * {@code counts} compressed (a string) or uncompressed (run lengths); errors are located in the record.
     */
    public static Rle rle(JsonObjectFields f, JsonNode seg) {
        double[] hw = f.numbers("segmentation.size", seg.get("size"), 2);
        if (hw[0] < 0 || hw[1] < 0 || hw[0] != Math.rint(hw[0]) || hw[1] != Math.rint(hw[1])) {
            throw f.fail("segmentation.size", seg.get("size"), "expected [height, width] as non-negative integers");
        }
        int h = (int) hw[0], w = (int) hw[1];
        JsonNode counts = seg.get("counts");
        try {
            if (counts != null && counts.isTextual()) {
                return RleCodec.decode(counts.asText(), h, w);
            }
            double[] c = f.numbers("segmentation.counts", counts, -1);
            int[] runs = new int[c.length];
            for (int i = 0; i < c.length; i++) {
                if (c[i] != Math.rint(c[i]) || c[i] < 0 || c[i] > Integer.MAX_VALUE) {
                    throw f.fail("segmentation.counts[" + i + "]", counts.get(i), "expected a non-negative integer run length");
                }
                runs[i] = (int) c[i];
            }
            return Rle.of(h, w, runs);
        } catch (ValidationException e) {
            throw e.errors().get(0).location().isEmpty() ? e.at(f.location() + ": segmentation") : e;
        }
    }

    private static Optional<Annotation> keypoints(JsonObjectFields f, AnnotationInfo info, Consumer<FieldError> error) {
        JsonNode kp = f.node().get("keypoints");
        if (kp == null || kp.isNull() || (kp.isArray() && kp.isEmpty())) {
            return Optional.empty();
        }
        try {
            double[] xyv = f.numbers("keypoints", kp, -1);
            return Optional.of(new KeypointsAnnotation(info, Keypoints.fromFlat(xyv)));
        } catch (ValidationException e) {
            e.errors().forEach(fe -> error.accept(fe.location().isEmpty() ? fe.at(f.location()) : fe));
            return Optional.empty();
        }
    }

    private static void warnIfOutside(JsonObjectFields f, List<Annotation> annotations, ImageSize size, Consumer<FieldError> warn) {
        for (Annotation a : annotations) {
            if (a instanceof MaskAnnotation) {
                continue;
            }
            Optional<PixelBox> box = a.boundingBox();
            if (box.isPresent() && !box.get().isInside(size)) {
                PixelBox b = box.get();
                warn.accept(new FieldError(f.location(), a instanceof KeypointsAnnotation ? "keypoints" : "bbox",
                        "[" + num(b.x()) + ", " + num(b.y()) + ", " + num(b.width()) + ", " + num(b.height()) + "]",
                        "expected a shape inside the " + size.width() + "x" + size.height() + " image (kept as is)"));
            }
        }
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
