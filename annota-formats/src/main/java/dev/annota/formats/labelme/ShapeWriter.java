package dev.annota.formats.labelme;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.CuboidAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Rle;
import dev.annota.core.schema.AttributeValue;
import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * One annotation as LabelMe shapes. What LabelMe cannot hold is converted (or left out) by these rules, each
 * reported as a warning naming {@code item <id>: annotations[<i>]} and the field:
 * <ul>
 *   <li>a polygon of several parts → one polygon per part, sharing the annotation's group (a new group id
 *       when it had none);</li>
 *   <li>an ellipse with rx ≠ ry or a rotated box → a polygon (64 vertices, or the 4 corners);</li>
 *   <li>keypoints → a {@code points} shape of the labelled points (names and visibility lost);</li>
 *   <li>a cuboid → not written; an empty mask → not written;</li>
 *   <li>attributes other than flags and the text {@value LabelMeFormat#DESCRIPTION}, a source other than an
 *       unknown person, confidence, {@code occluded} and {@code z_order} → not written;</li>
 *   <li>a tag → the image flag of its class set to true (its other fields are not written).</li>
 * </ul>
 */
final class ShapeWriter {
    /** Receives what could not be written as it is. */
    interface Warnings {
        void warn(String field, String value, String expected);
    }

    private final ArrayNode shapes;
    private final ObjectNode flags;
    private int nextGroup;

    ShapeWriter(ArrayNode shapes, ObjectNode flags, int firstFreeGroup) {
        this.shapes = shapes;
        this.flags = flags;
        this.nextGroup = firstFreeGroup;
    }

    void write(Annotation a, String label, Warnings w) throws IOException {
        AnnotationInfo info = a.info();
        if (a instanceof Tag) {
            flags.put(label, true);
            if (!info.attributes().isEmpty() || info.confidence().isPresent() || !info.source().equals(Source.human())) {
                w.warn("tag", label, "expected a plain image flag; the tag's attributes, source and confidence are not written");
            }
            return;
        }
        common(info, w);
        OptionalInt group = info.groupId();
        if (a instanceof BoxAnnotation b) {
            shape(label, "rectangle", info, group, List.of(new Point(b.box().x(), b.box().y()), new Point(b.box().x2(), b.box().y2())));
        } else if (a instanceof PolygonAnnotation p) {
            List<List<Point>> parts = p.polygon().parts();
            if (parts.size() > 1) {
                if (group.isEmpty()) {
                    group = OptionalInt.of(nextGroup++);
                }
                w.warn("polygon", parts.size() + " parts", "expected a polygon of one part; written as " + parts.size()
                        + " polygons of group " + group.getAsInt());
            }
            for (List<Point> part : parts) {
                shape(label, "polygon", info, group, part);
            }
        } else if (a instanceof PolylineAnnotation l) {
            List<Point> pts = l.polyline().points();
            shape(label, pts.size() == 2 ? "line" : "linestrip", info, group, pts);
        } else if (a instanceof PointsAnnotation p) {
            shape(label, p.points().size() == 1 ? "point" : "points", info, group, p.points());
        } else if (a instanceof EllipseAnnotation e) {
            Ellipse el = e.ellipse();
            if (el.rx() == el.ry()) {
                shape(label, "circle", info, group, List.of(new Point(el.cx(), el.cy()), new Point(el.cx() + el.rx(), el.cy())));
            } else {
                w.warn("kind", "ellipse", "expected a circle (rx = ry); written as a polygon of 64 vertices");
                shape(label, "polygon", info, group, el.toPolygon(64).parts().get(0));
            }
        } else if (a instanceof RotatedBoxAnnotation r) {
            w.warn("kind", "rotated_box", "expected what LabelMe can hold (no rotated boxes); written as a polygon of its 4 corners");
            shape(label, "polygon", info, group, r.box().corners());
        } else if (a instanceof KeypointsAnnotation k) {
            List<Point> pts = k.keypoints().points().stream().filter(x -> x.visibility().isLabelled()).map(Keypoint::position).toList();
            if (pts.isEmpty()) {
                w.warn("kind", "keypoints", "expected labelled keypoints; none is labelled, not written");
            } else {
                w.warn("kind", "keypoints", "expected what LabelMe can hold (no skeletons); written as a points shape without names or visibility");
                shape(label, "points", info, group, pts);
            }
        } else if (a instanceof MaskAnnotation m) {
            mask(label, info, group, m.mask(), w);
        } else if (a instanceof CuboidAnnotation) {
            w.warn("kind", "cuboid", "expected what LabelMe can hold (no cuboids); not written");
        }
    }

    private void common(AnnotationInfo info, Warnings w) {
        if (!info.source().equals(Source.human())) {
            w.warn("source", info.source().toString(), "expected what LabelMe can hold (no annotator or model); not written");
        }
        if (info.confidence().isPresent()) {
            w.warn("confidence", Double.toString(info.confidence().getAsDouble()), "expected what LabelMe can hold (no scores); not written");
        }
        if (info.occluded()) {
            w.warn("occluded", "true", "expected what LabelMe can hold (no occlusion flag); not written");
        }
        if (info.zOrder() != 0) {
            w.warn("z_order", Integer.toString(info.zOrder()), "expected what LabelMe can hold (no z-order); not written");
        }
        info.attributes().forEach((name, v) -> {
            boolean held = v instanceof AttributeValue.Flag || (name.equals(LabelMeFormat.DESCRIPTION) && v instanceof AttributeValue.Text);
            if (!held) {
                w.warn(name, v.display(), "expected a flag (true/false) or the text " + LabelMeFormat.DESCRIPTION
                        + " (LabelMe shapes hold nothing else); not written");
            }
        });
    }

    private ObjectNode shape(String label, String type, AnnotationInfo info, OptionalInt group, List<Point> points) {
        ObjectNode s = shapes.addObject();
        s.put("label", label);
        ArrayNode pts = s.putArray("points");
        for (Point p : points) {
            pts.addArray().add(p.x()).add(p.y());
        }
        if (group.isPresent()) {
            s.put("group_id", group.getAsInt());
        } else {
            s.putNull("group_id");
        }
        AttributeValue description = info.attributes().get(LabelMeFormat.DESCRIPTION);
        s.put("description", description instanceof AttributeValue.Text t ? t.value() : "");
        s.put("shape_type", type);
        ObjectNode f = s.putObject("flags");
        info.attributes().forEach((name, v) -> {
            if (v instanceof AttributeValue.Flag flag) {
                f.put(name, flag.value());
            }
        });
        s.putNull("mask");
        return s;
    }

    /** The tight box of the set pixels (inclusive corners, as LabelMe stores them) and its PNG. */
    private void mask(String label, AnnotationInfo info, OptionalInt group, Rle mask, Warnings w) throws IOException {
        boolean[] px = mask.toBitmap();
        int width = mask.width(), height = mask.height();
        int x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = -1, y2 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (px[y * width + x]) {
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x);
                    y2 = Math.max(y2, y);
                }
            }
        }
        if (x2 < 0) {
            w.warn("mask", "0 pixels", "expected a mask with at least one pixel; an empty mask is not written");
            return;
        }
        int bw = x2 - x1 + 1, bh = y2 - y1 + 1;
        boolean[] crop = new boolean[bw * bh];
        for (int y = 0; y < bh; y++) {
            System.arraycopy(px, (y1 + y) * width + x1, crop, y * bw, bw);
        }
        ObjectNode s = shape(label, "mask", info, group, List.of(new Point(x1, y1), new Point(x2, y2)));
        s.put("mask", MaskPng.encode(new MaskPng.Bitmap(bw, bh, crop)));
    }
}
