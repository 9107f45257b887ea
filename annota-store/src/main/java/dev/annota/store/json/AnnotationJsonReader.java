package dev.annota.store.json;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/** Reads Annota's annotation JSON (see {@link AnnotationJson}); every error names its JSON pointer. */
public final class AnnotationJsonReader {
    private AnnotationJsonReader() {
    }

    /** An array of annotations at {@code pointer}; all errors of all elements are collected into one exception. */
    public static List<Annotation> readList(JsonNode node, String pointer) {
        if (node == null || !node.isArray()) {
            throw new ValidationException(new FieldError(pointer.isEmpty() ? "/" : pointer, "annotations",
                    node == null ? null : shorten(node), "expected an array of annotations"));
        }
        List<Annotation> out = new ArrayList<>(node.size());
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            try {
                out.add(read(node.get(i), pointer + "/" + i));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    public static Annotation read(JsonNode o, String at) {
        if (!o.isObject()) {
            throw fail(at, "(annotation)", o, "expected an object");
        }
        String kind = text(o, at, "kind");
        JsonNode labelNode = o.get("label");
        if (labelNode == null || !labelNode.canConvertToInt() || !labelNode.isIntegralNumber() || labelNode.asInt() < 1) {
            throw fail(at, "label", labelNode, "expected a positive integer class id");
        }
        AnnotationInfo info = info(o, at, LabelId.of(labelNode.asInt()));
        try {
            return switch (kind) {
                case "tag" -> new Tag(info);
                case "box" -> {
                    double[] b = numbers(o, at, "box", 4);
                    yield new BoxAnnotation(info, new PixelBox(b[0], b[1], b[2], b[3]));
                }
                case "rotated_box" -> {
                    JsonNode g = object(o, at, "rotated_box");
                    yield new RotatedBoxAnnotation(info, new RotatedBox(num(g, at + "/rotated_box", "cx"),
                            num(g, at + "/rotated_box", "cy"), num(g, at + "/rotated_box", "w"),
                            num(g, at + "/rotated_box", "h"), num(g, at + "/rotated_box", "angle")));
                }
                case "polygon" -> {
                    JsonNode parts = o.get("polygon");
                    if (parts == null || !parts.isArray() || parts.isEmpty()) {
                        throw fail(at, "polygon", parts, "expected a list of parts [[x,y,...], ...]");
                    }
                    List<double[]> flat = new ArrayList<>();
                    for (int i = 0; i < parts.size(); i++) {
                        flat.add(numbers(parts, at + "/polygon", i, -1));
                    }
                    yield new PolygonAnnotation(info, Polygon.fromFlat(flat));
                }
                case "polyline" -> new PolylineAnnotation(info, new Polyline(AnnotationJson.toPoints(pairs(o, at, "points"))));
                case "points" -> new PointsAnnotation(info, AnnotationJson.toPoints(pairs(o, at, "points")));
                case "keypoints" -> new KeypointsAnnotation(info, Keypoints.fromFlat(numbers(o, at, "keypoints", -1)));
                case "mask" -> {
                    JsonNode g = object(o, at, "mask");
                    double[] size = numbers(g, at + "/mask", "size", 2);
                    yield new MaskAnnotation(info, RleCodec.decode(text(g, at + "/mask", "counts"), (int) size[0], (int) size[1]));
                }
                case "cuboid" -> {
                    List<Point> pts = AnnotationJson.toPoints(numbers(o, at, "cuboid", 16));
                    yield new CuboidAnnotation(info, new Cuboid2D(pts.subList(0, 4), pts.subList(4, 8)));
                }
                case "ellipse" -> {
                    JsonNode g = object(o, at, "ellipse");
                    String p = at + "/ellipse";
                    yield new EllipseAnnotation(info, new Ellipse(num(g, p, "cx"), num(g, p, "cy"), num(g, p, "rx"),
                            num(g, p, "ry"), num(g, p, "angle")));
                }
                default -> throw fail(at, "kind", o.get("kind"), "expected one of tag, box, rotated_box, polygon, "
                        + "polyline, points, keypoints, mask, cuboid, ellipse");
            };
        } catch (ValidationException e) {
            // geometry records report fields without a location: place them at this annotation
            throw new ValidationException(e.errors().stream()
                    .map(fe -> fe.location().isEmpty() ? fe.at(at) : fe).toList());
        }
    }

    private static AnnotationInfo info(JsonNode o, String at, LabelId label) {
        Map<String, AttributeValue> attrs = new TreeMap<>();
        JsonNode a = o.get("attributes");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw fail(at, "attributes", a, "expected an object of attribute values");
            }
            Iterator<Map.Entry<String, JsonNode>> it = a.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                attrs.put(e.getKey(), attribute(e.getValue(), at + "/attributes", e.getKey()));
            }
        }
        Source source = source(o.get("source"), at);
        JsonNode c = o.get("confidence");
        OptionalDouble confidence = OptionalDouble.empty();
        if (c != null && !c.isNull()) {
            if (!c.isNumber() || !(c.asDouble() >= 0 && c.asDouble() <= 1)) {
                throw fail(at, "confidence", c, "expected a number in [0, 1]");
            }
            confidence = OptionalDouble.of(c.asDouble());
        }
        boolean occluded = flag(o, at, "occluded");
        int z = (int) optionalInt(o, at, "z_order", 0);
        JsonNode g = o.get("group");
        OptionalInt group = g == null || g.isNull() ? OptionalInt.empty() : OptionalInt.of((int) optionalInt(o, at, "group", 0));
        return new AnnotationInfo(label, attrs, source, confidence, occluded, z, group);
    }

    private static Source source(JsonNode s, String at) {
        if (s == null || s.isNull()) {
            return Source.human();
        }
        String type = text(s, at + "/source", "type");
        return switch (type) {
            case "human" -> s.hasNonNull("user") ? Source.human(s.get("user").asText()) : Source.human();
            case "model" -> Source.model(text(s, at + "/source", "name"), text(s, at + "/source", "version"));
            default -> throw fail(at + "/source", "type", s.get("type"), "expected human or model");
        };
    }

    private static AttributeValue attribute(JsonNode v, String at, String name) {
        if (v.isBoolean()) {
            return AttributeValue.of(v.asBoolean());
        }
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return AttributeValue.of(v.asDouble());
        }
        if (v.isTextual()) {
            return AttributeValue.of(v.asText());
        }
        if (v.isArray()) {
            List<String> choices = new ArrayList<>();
            for (JsonNode x : v) {
                if (!x.isTextual()) {
                    throw fail(at, name, v, "expected a list of strings");
                }
                choices.add(x.asText());
            }
            return AttributeValue.ofChoices(choices);
        }
        throw fail(at, name, v, "expected a string, number, boolean or list of strings");
    }

    private static String text(JsonNode o, String at, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw fail(at, field, v, "expected a non-empty string");
        }
        return v.asText();
    }

    private static boolean flag(JsonNode o, String at, String field) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw fail(at, field, v, "expected true or false");
        }
        return v.asBoolean();
    }

    private static long optionalInt(JsonNode o, String at, String field, long dflt) {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw fail(at, field, v, "expected an integer");
        }
        return v.asLong();
    }

    private static JsonNode object(JsonNode o, String at, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isObject()) {
            throw fail(at, field, v, "expected an object");
        }
        return v;
    }

    private static double num(JsonNode o, String at, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(at, field, v, "expected a finite number");
        }
        return v.asDouble();
    }

    private static double[] numbers(JsonNode o, String at, String field, int length) {
        return toNumbers(o.get(field), at, field, length);
    }

    private static double[] numbers(JsonNode array, String at, int index, int length) {
        return toNumbers(array.get(index), at, Integer.toString(index), length);
    }

    private static double[] pairs(JsonNode o, String at, String field) {
        double[] xy = numbers(o, at, field, -1);
        if (xy.length % 2 != 0) {
            throw fail(at, field, o.get(field), "expected x,y pairs (an even count of numbers)");
        }
        return xy;
    }

    private static double[] toNumbers(JsonNode v, String at, String field, int length) {
        if (v == null || !v.isArray() || (length >= 0 && v.size() != length)) {
            throw fail(at, field, v, length >= 0 ? "expected an array of " + length + " numbers" : "expected an array of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw fail(at, field + "[" + i + "]", e, "expected a finite number");
            }
            out[i] = e.asDouble();
        }
        return out;
    }

    static ValidationException fail(String at, String field, JsonNode value, String expected) {
        return new ValidationException(new FieldError(at.isEmpty() ? "/" : at, field, value == null ? null : shorten(value), expected));
    }

    private static String shorten(JsonNode v) {
        String s = v.isTextual() ? v.asText() : v.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
