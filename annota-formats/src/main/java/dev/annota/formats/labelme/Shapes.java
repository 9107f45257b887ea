package dev.annota.formats.labelme;

import dev.annota.formats.json.JsonObjectFields;
import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One LabelMe shape to an annotation (see {@link LabelMeFormat} for the mapping). */
final class Shapes {
    static final List<String> TYPES = List.of("rectangle", "polygon", "circle", "line", "linestrip", "point", "points", "mask");

    private Shapes() {
    }

    static Annotation read(JsonObjectFields s, LabelId label, Optional<ImageSize> size, Consumer<FieldError> warn) {
        String type = s.optionalText("shape_type").orElse("polygon"); // LabelMe 3 wrote null for polygons
        if (!TYPES.contains(type)) {
            throw s.fail("shape_type", s.get("shape_type"), "expected one of " + String.join(", ", TYPES));
        }
        List<Point> pts = points(s);
        AnnotationInfo info = info(s, label);
        switch (type) {
            case "rectangle" -> {
                count(s, pts, 2, 2, "a rectangle of 2 corner points");
                return new BoxAnnotation(info, PixelBox.fromCorners(pts.get(0).x(), pts.get(0).y(), pts.get(1).x(), pts.get(1).y()));
            }
            case "polygon" -> {
                count(s, pts, 3, Integer.MAX_VALUE, "a polygon of at least 3 points");
                return new PolygonAnnotation(info, Polygon.of(pts));
            }
            case "circle" -> {
                count(s, pts, 2, 2, "a circle of 2 points (centre, a point on the circle)");
                Point c = pts.get(0);
                double r = Math.hypot(pts.get(1).x() - c.x(), pts.get(1).y() - c.y());
                return new EllipseAnnotation(info, new Ellipse(c.x(), c.y(), r, r, 0));
            }
            case "line" -> {
                count(s, pts, 2, 2, "a line of 2 points");
                return new PolylineAnnotation(info, new Polyline(pts));
            }
            case "linestrip" -> {
                count(s, pts, 2, Integer.MAX_VALUE, "a line strip of at least 2 points");
                return new PolylineAnnotation(info, new Polyline(pts));
            }
            case "point" -> {
                count(s, pts, 1, 1, "a point of 1 point");
                return new PointsAnnotation(info, pts);
            }
            case "points" -> {
                count(s, pts, 1, Integer.MAX_VALUE, "at least 1 point");
                return new PointsAnnotation(info, pts);
            }
            default -> {
                count(s, pts, 2, 2, "a mask box of 2 corner points");
                return new MaskAnnotation(info, mask(s, pts, size, warn));
            }
        }
    }

    private static AnnotationInfo info(JsonObjectFields s, LabelId label) {
        AnnotationInfo info = AnnotationInfo.of(label);
        JsonNode group = s.get("group_id");
        if (group != null && !group.isNull()) {
            if (!group.canConvertToInt() || !group.isIntegralNumber()) {
                throw s.fail("group_id", group, "expected an integer or null");
            }
            info = info.withGroup(group.asInt());
        }
        JsonNode flags = s.get("flags");
        if (flags != null && !flags.isNull()) {
            if (!flags.isObject()) {
                throw s.fail("flags", flags, "expected an object of flag names to true/false");
            }
            var it = flags.fields();
            while (it.hasNext()) {
                var e = it.next();
                if (!e.getValue().isBoolean()) {
                    throw s.fail("flags." + e.getKey(), e.getValue(), "expected true or false");
                }
                info = info.withAttribute(e.getKey(), AttributeValue.of(e.getValue().asBoolean()));
            }
        }
        Optional<String> description = s.optionalText("description");
        if (description.isPresent()) {
            info = info.withAttribute(LabelMeFormat.DESCRIPTION, AttributeValue.of(description.get()));
        }
        return info;
    }

    private static List<Point> points(JsonObjectFields s) {
        JsonNode pts = s.get("points");
        if (pts == null || !pts.isArray()) {
            throw s.fail("points", pts, "expected an array of [x, y] points");
        }
        List<Point> out = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            JsonNode p = pts.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || !Double.isFinite(p.get(0).asDouble()) || !Double.isFinite(p.get(1).asDouble())) {
                throw s.fail("points[" + i + "]", p, "expected a point [x, y] of two finite numbers");
            }
            out.add(new Point(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        return out;
    }

    private static void count(JsonObjectFields s, List<Point> pts, int min, int max, String expected) {
        if (pts.size() < min || pts.size() > max) {
            throw s.fail("points", s.get("points"), "expected " + expected + ", got " + pts.size() + " points");
        }
    }

    /** The shape's PNG placed at its box's top-left pixel in a mask of the whole image (LabelMe's own rule). */
    private static Rle mask(JsonObjectFields s, List<Point> pts, Optional<ImageSize> size, Consumer<FieldError> warn) {
        if (size.isEmpty()) {
            throw s.fail("mask", null, "expected the image size (imageWidth, imageHeight or the image file) to place the mask");
        }
        String b64 = s.requireText("mask");
        MaskPng.Bitmap bm;
        try {
            bm = MaskPng.decode(b64);
        } catch (ValidationException e) {
            throw e.at(s.location());
        }
        int x1 = (int) Math.floor(Math.min(pts.get(0).x(), pts.get(1).x()));
        int y1 = (int) Math.floor(Math.min(pts.get(0).y(), pts.get(1).y()));
        int x2 = (int) Math.floor(Math.max(pts.get(0).x(), pts.get(1).x()));
        int y2 = (int) Math.floor(Math.max(pts.get(0).y(), pts.get(1).y()));
        if (bm.width() != x2 - x1 + 1 || bm.height() != y2 - y1 + 1) {
            warn.accept(s.error("mask", null, "expected a PNG of the box size " + (x2 - x1 + 1) + "x" + (y2 - y1 + 1)
                    + ", got " + bm.width() + "x" + bm.height() + " (placed at the box's top-left pixel)"));
        }
        int w = size.get().width(), h = size.get().height();
        boolean[] full = new boolean[w * h];
        boolean clipped = false;
        for (int y = 0; y < bm.height(); y++) {
            for (int x = 0; x < bm.width(); x++) {
                if (bm.pixels()[y * bm.width() + x]) {
                    int fx = x1 + x, fy = y1 + y;
                    if (fx < 0 || fy < 0 || fx >= w || fy >= h) {
                        clipped = true;
                    } else {
                        full[fy * w + fx] = true;
                    }
                }
            }
        }
        if (clipped) {
            warn.accept(s.error("points", s.get("points"), "expected a mask inside the " + w + "x" + h + " image (the pixels outside are cut)"));
        }
        return Rle.fromBitmap(full, h, w);
    }
}
