package dev.annota.formats.labelstudio;

import com.fasterxml.jackson.core.JsonGenerator;
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
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelSchema;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes one annotation as Label Studio results. The conversion rules, for what Label Studio cannot hold
 * as it is (each reported as a warning naming {@code item <id>: annotations[<i>]} and the field):
 * <ul>
 *   <li>a polygon of several parts → one {@code polygonlabels} region per part (they come back as separate
 *       polygons); a polyline → {@code polygonlabels} with {@code closed: false} (lossless);</li>
 *   <li>points → one {@code keypointlabels} region per point (a single point is lossless);</li>
 *   <li>keypoints (a skeleton instance) → one {@code keypointlabels} region per labelled point, of the class;
 *       point names and visibility are lost;</li>
 *   <li>a rotated box of angle 0 → an unrotated rectangle, which reads back as a box;</li>
 *   <li>a cuboid → not written;</li>
 *   <li>attributes → per-region results sharing the region's id: text → {@code choices} of one value,
 *       several choices → {@code choices}, a number → {@code number}, a flag → {@code choices} of "true" or
 *       "false" (it reads back as text), a one-element multi-select reads back as text; a tag's attributes,
 *       {@code occluded}, {@code z_order} and groups → not written.</li>
 * </ul>
 */
final class ResultWriter {
    static final String TO_NAME = "image";

    /** Receives what could not be written as it is. */
    interface Warnings {
        void warn(String field, String value, String expected);
    }

    private final JsonGenerator g;
    private final LabelSchema schema;
    private final ImageSize size;
    private final ConfigCollector config;

    ResultWriter(JsonGenerator g, LabelSchema schema, ImageSize size, ConfigCollector config) {
        this.g = g;
        this.schema = schema;
        this.size = size;
        this.config = config;
    }

    void write(Annotation a, String id, Warnings w) throws IOException {
        AnnotationInfo info = a.info();
        String label = schema.get(info.label()).map(c -> c.name()).orElse("label_" + info.label().value());
        if (info.occluded()) {
            w.warn("occluded", "true", "expected what Label Studio can hold (no occlusion flag); not written");
        }
        if (info.zOrder() != 0) {
            w.warn("z_order", Integer.toString(info.zOrder()), "expected what Label Studio can hold (no z-order); not written");
        }
        if (info.groupId().isPresent()) {
            w.warn("group", Integer.toString(info.groupId().getAsInt()), "expected what Label Studio can hold (no groups); not written");
        }
        if (a instanceof Tag) {
            begin(id, "choices", ConfigCollector.CHOICE, info, size);
            g.writeArrayFieldStart("choices");
            g.writeString(label);
            g.writeEndArray();
            end();
            config.label("Choices", ConfigCollector.CHOICE, label);
            if (!info.attributes().isEmpty()) {
                w.warn("attributes", info.attributes().keySet().toString(), "expected a region to attach attributes to; "
                        + "a tag's attributes are not written");
            }
            return;
        } else if (a instanceof BoxAnnotation b) {
            rectangle(id, label, info, b.box(), 0);
        } else if (a instanceof RotatedBoxAnnotation r) {
            RotatedBox box = r.box();
            if (box.angleDegrees() == 0) {
                w.warn("kind", "rotated_box", "expected a rotation other than 0; written as an unrotated rectangle (read back as a box)");
            }
            double a0 = Math.toRadians(box.angleDegrees()), cos = Math.cos(a0), sin = Math.sin(a0);
            double x0 = box.cx() - Regions.centreDx(box.width(), box.height(), cos, sin);
            double y0 = box.cy() - Regions.centreDy(box.width(), box.height(), cos, sin);
            rectangle(id, label, info, new Corner(x0, y0, box.width(), box.height()), box.angleDegrees());
        } else if (a instanceof PolygonAnnotation p) {
            List<List<Point>> parts = p.polygon().parts();
            if (parts.size() > 1) {
                w.warn("polygon", parts.size() + " parts", "expected a polygon of one part; written as " + parts.size()
                        + " polygon regions");
            }
            for (int k = 0; k < parts.size(); k++) {
                polygon(k == 0 ? id : id + "_" + k, label, info, parts.get(k), true);
            }
        } else if (a instanceof PolylineAnnotation l) {
            polygon(id, label, info, l.polyline().points(), false);
        } else if (a instanceof PointsAnnotation p) {
            if (p.points().size() > 1) {
                w.warn("points", p.points().size() + " points", "expected one point per Label Studio keypoint; written as "
                        + p.points().size() + " keypoint regions");
            }
            for (int k = 0; k < p.points().size(); k++) {
                keypoint(k == 0 ? id : id + "_" + k, label, info, p.points().get(k));
            }
        } else if (a instanceof KeypointsAnnotation k) {
            List<Keypoint> pts = k.keypoints().points().stream().filter(x -> x.visibility().isLabelled()).toList();
            w.warn("kind", "keypoints", "expected what Label Studio can hold (no skeletons); written as " + pts.size()
                    + " keypoint regions of the class, without point names or visibility");
            for (int n = 0; n < pts.size(); n++) {
                keypoint(id + "_" + n, label, info, pts.get(n).position());
            }
        } else if (a instanceof EllipseAnnotation e) {
            begin(id, "ellipselabels", "ellipse", info, size);
            g.writeNumberField("x", Percent.toPercent(e.ellipse().cx(), size.width()));
            g.writeNumberField("y", Percent.toPercent(e.ellipse().cy(), size.height()));
            g.writeNumberField("radiusX", Percent.toPercent(e.ellipse().rx(), size.width()));
            g.writeNumberField("radiusY", Percent.toPercent(e.ellipse().ry(), size.height()));
            g.writeNumberField("rotation", e.ellipse().angleDegrees());
            labels("ellipselabels", "EllipseLabels", "ellipse", label);
        } else if (a instanceof MaskAnnotation m) {
            ImageSize own = m.mask().size();
            if (!own.equals(size)) {
                w.warn("mask.size", own.width() + "x" + own.height(), "expected the image size " + size.width() + "x"
                        + size.height() + "; written at its own size (a reader resamples it)");
            }
            begin(id, "brushlabels", "brush", info, own);
            g.writeStringField("format", "rle");
            g.writeArrayFieldStart("rle");
            for (int b : BrushRle.encode(m.mask())) {
                g.writeNumber(b);
            }
            g.writeEndArray();
            labels("brushlabels", "BrushLabels", "brush", label);
        } else if (a instanceof CuboidAnnotation) {
            w.warn("kind", "cuboid", "expected what Label Studio can hold (no cuboids); not written");
            return;
        }
        attributes(id, info.attributes(), w);
    }

    private record Corner(double x, double y, double width, double height) {
    }

    private void rectangle(String id, String label, AnnotationInfo info, PixelBox box, double rotation) throws IOException {
        rectangle(id, label, info, new Corner(box.x(), box.y(), box.width(), box.height()), rotation);
    }

    private void rectangle(String id, String label, AnnotationInfo info, Corner c, double rotation) throws IOException {
        begin(id, "rectanglelabels", "bbox", info, size);
        g.writeNumberField("x", Percent.toPercent(c.x(), size.width()));
        g.writeNumberField("y", Percent.toPercent(c.y(), size.height()));
        g.writeNumberField("width", Percent.toPercent(c.width(), size.width()));
        g.writeNumberField("height", Percent.toPercent(c.height(), size.height()));
        g.writeNumberField("rotation", rotation);
        labels("rectanglelabels", "RectangleLabels", "bbox", label);
    }

    private void polygon(String id, String label, AnnotationInfo info, List<Point> points, boolean closed) throws IOException {
        begin(id, "polygonlabels", "polygon", info, size);
        g.writeArrayFieldStart("points");
        for (Point p : points) {
            g.writeStartArray();
            g.writeNumber(Percent.toPercent(p.x(), size.width()));
            g.writeNumber(Percent.toPercent(p.y(), size.height()));
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeBooleanField("closed", closed);
        labels("polygonlabels", "PolygonLabels", "polygon", label);
    }

    private void keypoint(String id, String label, AnnotationInfo info, Point p) throws IOException {
        begin(id, "keypointlabels", "keypoint", info, size);
        g.writeNumberField("x", Percent.toPercent(p.x(), size.width()));
        g.writeNumberField("y", Percent.toPercent(p.y(), size.height()));
        g.writeNumberField("width", 0.5);
        labels("keypointlabels", "KeyPointLabels", "keypoint", label);
    }

    /** Opens a result and its value. */
    private void begin(String id, String type, String fromName, AnnotationInfo info, ImageSize original) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("type", type);
        g.writeStringField("from_name", fromName);
        g.writeStringField("to_name", TO_NAME);
        g.writeNumberField("original_width", original.width());
        g.writeNumberField("original_height", original.height());
        g.writeNumberField("image_rotation", 0);
        if (info.confidence().isPresent()) {
            g.writeNumberField("score", info.confidence().getAsDouble());
        }
        g.writeObjectFieldStart("value");
    }

    /** Writes the label list, closes the value and the result. */
    private void labels(String field, String control, String fromName, String label) throws IOException {
        g.writeArrayFieldStart(field);
        g.writeString(label);
        g.writeEndArray();
        end();
        config.label(control, fromName, label);
    }

    private void end() throws IOException {
        g.writeEndObject();
        g.writeEndObject();
    }

    private void attributes(String id, Map<String, AttributeValue> attributes, Warnings w) throws IOException {
        for (var e : attributes.entrySet()) {
            String name = e.getKey();
            AttributeValue v = e.getValue();
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("from_name", name);
            g.writeStringField("to_name", TO_NAME);
            if (v instanceof AttributeValue.Numeric n) {
                g.writeStringField("type", "number");
                g.writeObjectFieldStart("value");
                g.writeNumberField("number", n.value());
                config.attribute(name, "Number", null);
            } else {
                List<String> values = v instanceof AttributeValue.Choices c ? c.values() : List.of(v.display());
                if (v instanceof AttributeValue.Flag) {
                    w.warn(name, v.display(), "expected what Label Studio can hold (no checkbox); written as the choice \""
                            + v.display() + "\" (read back as text)");
                } else if (v instanceof AttributeValue.Choices c && c.values().size() == 1) {
                    w.warn(name, v.display(), "expected several choices; a single choice reads back as text");
                }
                g.writeStringField("type", "choices");
                g.writeObjectFieldStart("value");
                g.writeArrayFieldStart("choices");
                for (String s : values) {
                    g.writeString(s);
                    config.attribute(name, "Choices", s);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
