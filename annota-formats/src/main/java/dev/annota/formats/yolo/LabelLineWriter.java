package dev.annota.formats.yolo;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import dev.annota.formats.imagenet.LossLog;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an item's annotations into YOLO label lines, normalised by the image size. Conversion rules (each one
 * reported as a warning naming {@code item <id>: annotations[<i>]}, field {@code kind}):
 * <ul>
 *   <li>both layouts: boxes as {@code c cx cy w h}; tags, masks (not polygonised: tracing a mask's outline is
 *       not exact), polylines, free points and cuboids are not written;</li>
 *   <li>Ultralytics: rotated boxes as oriented boxes (4 corners); polygons as segments, one line per part (a
 *       4-point part, or one as long as a pose line, with its first point repeated at the end so that it does not
 *       read back as an oriented box or a pose);
 *       ellipses as 64-point polygons; keypoints as pose lines whose box is the box annotation of the same
 *       group and label, or else the bounding box of another shape of the group, or else of the labelled
 *       keypoints (the last two read back as an extra box); points missing up to {@code kpt_shape} are
 *       written as absent (0 0 0);</li>
 *   <li>darknet: rotated boxes, polygons and ellipses as their bounding boxes; keypoints are not written.</li>
 * </ul>
 * What a line cannot hold of an annotation it writes (attributes, occlusion, confidence, z-order, source,
 * groups) goes to the {@link LossLog}, reported once per field. Values are written with 12 decimals: a
 * normalised value {@code v} is off by at most 5e-13, so a pixel coordinate reads back within 1e-6 px on
 * images up to 2,000,000 pixels wide.
 */
final class LabelLineWriter {
    static final int DECIMALS = 12;
    static final int ELLIPSE_SEGMENTS = 64;

    private final LabelLines.Mode mode;
    private final LabelSchema schema;
    private final Optional<KptShape> kpt;
    private final ImportReport report;
    private final LossLog losses;
    private final Map<LabelId, Integer> index = new HashMap<>();

    LabelLineWriter(LabelLines.Mode mode, LabelSchema schema, Optional<KptShape> kpt, ImportReport report, LossLog losses) {
        this.mode = mode;
        this.schema = schema;
        this.kpt = kpt;
        this.report = report;
        this.losses = losses;
        List<LabelClass> classes = schema.classes();
        for (int i = 0; i < classes.size(); i++) {
            index.put(classes.get(i).id(), i);
        }
    }

    /** The class names in index order (obj.names, data.yaml names). */
    static List<String> names(LabelSchema schema) {
        return schema.classes().stream().map(LabelClass::name).toList();
    }

    /** The label file of {@code item}: its lines, each ending in a newline. */
    String text(Item item, ImageSize size) {
        List<Annotation> all = item.annotations();
        Map<Integer, Integer> partner = mode == LabelLines.Mode.ULTRALYTICS && kpt.isPresent() ? posePairs(all) : Map.of();
        boolean[] done = new boolean[all.size()];
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            if (done[i]) {
                continue;
            }
            done[i] = true;
            Annotation a = all.get(i);
            String where = "item " + item.id() + ": annotations[" + i + "]";
            if (!schema.contains(a.label())) {
                report.error(new FieldError(where, "label", a.label().toString(), "expected a class of the schema; annotation skipped"));
                continue;
            }
            Integer other = partner.get(i);
            if (other != null) {
                done[other] = true;
                Annotation b = all.get(other);
                KeypointsAnnotation k = (KeypointsAnnotation) (a instanceof KeypointsAnnotation ? a : b);
                BoxAnnotation box = (BoxAnnotation) (a instanceof BoxAnnotation ? a : b);
                noteLosses(box.info(), item.id(), true);
                noteLosses(k.info(), item.id(), true);
                pose(out, k, box.box(), size, where);
                continue;
            }
            noteLosses(a.info(), item.id(), false);
            write(out, a, all, size, where);
        }
        return out.toString();
    }

    private void write(StringBuilder out, Annotation a, List<Annotation> all, ImageSize size, String where) {
        boolean ultra = mode == LabelLines.Mode.ULTRALYTICS;
        int c = index.get(a.label());
        if (a instanceof BoxAnnotation b) {
            box(out, c, b.box(), size);
        } else if (a instanceof RotatedBoxAnnotation r) {
            if (ultra) {
                points(out, c, r.box().corners(), size);
            } else {
                warn(where, "rotated_box", "the darknet layout has axis-aligned boxes only; written as its bounding box");
                box(out, c, r.box().boundingBox(), size);
            }
        } else if (a instanceof PolygonAnnotation p) {
            if (!ultra) {
                warn(where, "polygon", "the darknet layout has boxes only; written as its bounding box");
                box(out, c, p.polygon().boundingBox(), size);
                return;
            }
            if (p.polygon().parts().size() > 1) {
                warn(where, "polygon", "YOLO segments have one outline; written as "
                        + p.polygon().parts().size() + " lines, one per part");
            }
            p.polygon().parts().forEach(part -> points(out, c, closedWhenAmbiguous(part), size));
        } else if (a instanceof EllipseAnnotation e) {
            if (ultra) {
                warn(where, "ellipse", "YOLO has no ellipses; written as a " + ELLIPSE_SEGMENTS + "-point polygon");
                points(out, c, closedWhenAmbiguous(e.ellipse().toPolygon(ELLIPSE_SEGMENTS).parts().get(0)), size);
            } else {
                warn(where, "ellipse", "the darknet layout has boxes only; written as its bounding box");
                box(out, c, e.ellipse().boundingBox(), size);
            }
        } else if (a instanceof KeypointsAnnotation && ultra && kpt.isEmpty()) {
            warn(where, "keypoints", "no class of the schema has a skeleton, so data.yaml has no kpt_shape; not written");
        } else if (a instanceof KeypointsAnnotation k && ultra) {
            PixelBox box = groupBox(a, all, where).orElseGet(() -> {
                warn(where, "keypoints", "a YOLO pose line needs a box; written with the box around its labelled "
                        + "keypoints (reads back as an extra box)");
                return k.keypoints().boundingBox();
            });
            pose(out, k, box, size, where);
        } else {
            warn(where, a.kind().wireName(), notHeld(a));
        }
    }

    /**
     * A polygon part whose line would read back as something else, a 4-point part (an oriented box when it is a
     * rectangle) or a part as long as a pose line, with its first point repeated at the end: the reader drops
     * the repeat, so the polygon reads back unchanged.
     */
    private List<Point> closedWhenAmbiguous(List<Point> part) {
        int values = 1 + 2 * part.size();
        if (part.size() == 4 || kpt.isPresent() && values == kpt.get().lineLength()) {
            List<Point> closed = new ArrayList<>(part);
            closed.add(part.get(0));
            return closed;
        }
        return part;
    }

    private String notHeld(Annotation a) {
        return switch (a.kind()) {
            case TAG -> "YOLO label files cannot hold image-level tags (the imagenet and csv formats can); not written";
            case MASK -> "YOLO cannot hold masks and a mask's outline is not an exact polygon; not written";
            case KEYPOINTS -> "the darknet layout cannot hold keypoints (the ultralytics layout can); not written";
            default -> "YOLO cannot hold this kind; not written";
        };
    }

    /** Keypoints paired with a box of the same group and label, both directions: index → partner index. */
    private static Map<Integer, Integer> posePairs(List<Annotation> all) {
        Map<Integer, Integer> pairs = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            if (!(all.get(i) instanceof KeypointsAnnotation k) || k.info().groupId().isEmpty()) {
                continue;
            }
            for (int j = 0; j < all.size(); j++) {
                Annotation b = all.get(j);
                if (b instanceof BoxAnnotation && !pairs.containsKey(j) && b.label().equals(k.label())
                        && b.info().groupId().equals(k.info().groupId())) {
                    pairs.put(i, j);
                    pairs.put(j, i);
                    break;
                }
            }
        }
        return pairs;
    }

    /** The bounding box of another shape in the keypoints' group with the same label, when there is one. */
    private Optional<PixelBox> groupBox(Annotation k, List<Annotation> all, String where) {
        if (k.info().groupId().isEmpty()) {
            return Optional.empty();
        }
        for (Annotation a : all) {
            if (a != k && !(a instanceof KeypointsAnnotation) && a.label().equals(k.label())
                    && a.info().groupId().equals(k.info().groupId()) && a.boundingBox().isPresent()) {
                warn(where, "keypoints", "a YOLO pose line needs a box; written with the bounding box of the "
                        + a.kind().wireName() + " in its group (reads back as an extra box)");
                return a.boundingBox();
            }
        }
        return Optional.empty();
    }

    private void pose(StringBuilder out, KeypointsAnnotation k, PixelBox box, ImageSize size, String where) {
        KptShape shape = kpt.orElseThrow(() -> new IllegalStateException("keypoints without a kpt_shape"));
        List<Keypoint> points = new ArrayList<>(k.keypoints().points());
        if (points.size() > shape.points()) {
            warn(where, "keypoints", "expected at most " + shape.points() + " keypoints (kpt_shape), got "
                    + points.size() + "; not written");
            return;
        }
        if (points.size() < shape.points()) {
            warn(where, "keypoints", points.size() + " keypoints written as " + shape.points()
                    + " (kpt_shape), the missing ones as absent");
            while (points.size() < shape.points()) {
                points.add(Keypoint.absent());
            }
        }
        box(out, index.get(k.label()), box, size);
        out.setLength(out.length() - 1); // continue the box's line
        for (Keypoint p : points) {
            out.append(' ').append(fmt(p.position().x() / size.width())).append(' ').append(fmt(p.position().y() / size.height()));
            if (shape.dims() == 3) {
                out.append(' ').append(p.visibility().code());
            } else if (p.visibility() != dev.annota.core.geometry.Visibility.VISIBLE) {
                losses.note("keypoints.visibility", where, "kpt_shape has 2 values per point, so every point reads back as visible");
            }
        }
        out.append('\n');
    }

    private static void box(StringBuilder out, int c, PixelBox b, ImageSize size) {
        double w = b.width() / size.width(), h = b.height() / size.height();
        double cx = (b.x() + b.width() / 2) / size.width(), cy = (b.y() + b.height() / 2) / size.height();
        out.append(c).append(' ').append(fmt(cx)).append(' ').append(fmt(cy)).append(' ')
                .append(fmt(w)).append(' ').append(fmt(h)).append('\n');
    }

    private static void points(StringBuilder out, int c, List<Point> pts, ImageSize size) {
        out.append(c);
        for (Point p : pts) {
            out.append(' ').append(fmt(p.x() / size.width())).append(' ').append(fmt(p.y() / size.height()));
        }
        out.append('\n');
    }

    private void noteLosses(AnnotationInfo info, String itemId, boolean poseGroup) {
        info.attributes().keySet().forEach(name -> losses.note("attributes." + name, itemId,
                "YOLO label lines cannot hold attributes; not written"));
        if (info.occluded()) {
            losses.note("occluded", itemId, "YOLO label lines cannot hold occlusion; not written");
        }
        if (info.confidence().isPresent()) {
            losses.note("confidence", itemId, "YOLO label files hold no scores; not written");
        }
        if (info.zOrder() != 0) {
            losses.note("z_order", itemId, "YOLO label lines cannot hold a z-order; not written");
        }
        if (!info.source().equals(Source.human())) {
            losses.note("source", itemId, "YOLO label lines cannot hold who made an annotation; not written");
        }
        if (info.groupId().isPresent() && !poseGroup) {
            losses.note("group", itemId, "YOLO groups only a pose line's box and keypoints; other groups are not written");
        }
    }

    private void warn(String where, String kind, String expected) {
        report.warn(new FieldError(where, "kind", kind, expected));
    }

    /** A normalised value with {@link #DECIMALS} decimals, trailing zeros dropped, never in E notation. */
    static String fmt(double v) {
        String s = new BigDecimal(v).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
