package dev.annota.store.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.schema.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Annota's own JSON for annotations: what the database stores and the API sends. One object per annotation:
 * {@code {"kind": "box", "label": 3, "box": [x, y, w, h], "attributes": {...}, "source": {"type": "human",
 * "user": "ana"}, "confidence": 0.9, "occluded": false, "z_order": 0, "group": 1}}; geometry fields per kind:
 * {@code box}, {@code rotated_box {cx,cy,w,h,angle}}, {@code polygon [[x,y,...],...]}, {@code points [x,y,...]}
 * (polylines and point sets), {@code keypoints [x,y,v,...]}, {@code mask {size:[h,w], counts:"COCO RLE"}},
 * {@code cuboid [16 numbers: front face then back face]}, {@code ellipse {cx,cy,rx,ry,angle}}. Reading is done by
 * {@link AnnotationJsonReader}, which names the JSON pointer of every bad value.
 */
public final class AnnotationJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private AnnotationJson() {
    }

    public static String write(List<? extends Annotation> annotations) {
        ArrayNode arr = MAPPER.createArrayNode();
        for (Annotation a : annotations) {
            arr.add(toNode(a));
        }
        return arr.toString();
    }

    public static ObjectNode toNode(Annotation a) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", a.kind().wireName());
        o.put("label", a.label().value());
        if (a instanceof BoxAnnotation b) {
            numbers(o.putArray("box"), b.box().toXywh());
        } else if (a instanceof RotatedBoxAnnotation r) {
            ObjectNode g = o.putObject("rotated_box");
            g.put("cx", r.box().cx()).put("cy", r.box().cy()).put("w", r.box().width()).put("h", r.box().height())
                    .put("angle", r.box().angleDegrees());
        } else if (a instanceof PolygonAnnotation p) {
            ArrayNode parts = o.putArray("polygon");
            p.polygon().toFlat().forEach(part -> numbers(parts.addArray(), part));
        } else if (a instanceof PolylineAnnotation l) {
            points(o.putArray("points"), l.polyline().points());
        } else if (a instanceof PointsAnnotation pts) {
            points(o.putArray("points"), pts.points());
        } else if (a instanceof KeypointsAnnotation k) {
            numbers(o.putArray("keypoints"), k.keypoints().toFlat());
        } else if (a instanceof MaskAnnotation m) {
            ObjectNode g = o.putObject("mask");
            g.putArray("size").add(m.mask().height()).add(m.mask().width());
            g.put("counts", RleCodec.encode(m.mask()));
        } else if (a instanceof CuboidAnnotation c) {
            points(o.putArray("cuboid"), c.cuboid().points());
        } else if (a instanceof EllipseAnnotation e) {
            ObjectNode g = o.putObject("ellipse");
            g.put("cx", e.ellipse().cx()).put("cy", e.ellipse().cy()).put("rx", e.ellipse().rx())
                    .put("ry", e.ellipse().ry()).put("angle", e.ellipse().angleDegrees());
        } else if (!(a instanceof Tag)) {
            throw new IllegalStateException("no JSON for " + a.kind());
        }
        info(o, a.info());
        return o;
    }

    private static void info(ObjectNode o, AnnotationInfo info) {
        if (!info.attributes().isEmpty()) {
            ObjectNode attrs = o.putObject("attributes");
            info.attributes().forEach((name, v) -> attribute(attrs, name, v));
        }
        ObjectNode src = o.putObject("source");
        if (info.source() instanceof Source.Model m) {
            src.put("type", "model").put("name", m.name()).put("version", m.version());
        } else if (info.source() instanceof Source.Human h) {
            src.put("type", "human");
            h.user().ifPresent(u -> src.put("user", u));
        }
        info.confidence().ifPresent(c -> o.put("confidence", c));
        if (info.occluded()) {
            o.put("occluded", true);
        }
        if (info.zOrder() != 0) {
            o.put("z_order", info.zOrder());
        }
        info.groupId().ifPresent(g -> o.put("group", g));
    }

    private static void attribute(ObjectNode attrs, String name, AttributeValue v) {
        if (v instanceof AttributeValue.Text t) {
            attrs.put(name, t.value());
        } else if (v instanceof AttributeValue.Numeric n) {
            attrs.put(name, n.value());
        } else if (v instanceof AttributeValue.Flag f) {
            attrs.put(name, f.value());
        } else if (v instanceof AttributeValue.Choices c) {
            ArrayNode arr = attrs.putArray(name);
            c.values().forEach(arr::add);
        }
    }

    private static void numbers(ArrayNode arr, double[] values) {
        for (double v : values) {
            arr.add(v);
        }
    }

    private static void points(ArrayNode arr, List<Point> pts) {
        for (Point p : pts) {
            arr.add(p.x()).add(p.y());
        }
    }

    /** Parses what {@link #write} wrote; errors name the JSON pointer. */
    public static List<Annotation> read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            return AnnotationJsonReader.readList(root, "");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw dev.annota.core.error.ValidationException.of("(json)", e.getOriginalMessage(), "expected well-formed JSON");
        }
    }

    static List<Point> toPoints(double[] xy) {
        List<Point> out = new ArrayList<>(xy.length / 2);
        for (int i = 0; i + 1 < xy.length; i += 2) {
            out.add(new Point(xy[i], xy[i + 1]));
        }
        return out;
    }
}
