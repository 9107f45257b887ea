package dev.annota.formats.labelstudio;

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
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The geometry of Label Studio's image regions, from the {@code value} of a result (percent coordinates) to
 * pixel coordinates:
 * <ul>
 *   <li>{@code rectangle}: x, y (top-left), width, height in percent; {@code rotation} in degrees clockwise about
 *       the top-left corner (x, y). Rotation 0 → a box; otherwise a {@link RotatedBox}, whose centre is the
 *       top-left corner plus the half-diagonal rotated by that angle;</li>
 *   <li>{@code polygon}: points [[x, y], …] in percent; {@code closed: false} (newer Label Studio) → a polyline;</li>
 *   <li>{@code keypoint}: one point x, y in percent → a points annotation of one point (its {@code width} is the
 *       drawn size only, not kept);</li>
 *   <li>{@code ellipse}: centre x, y, radiusX (percent of the width), radiusY (percent of the height), rotation;</li>
 *   <li>{@code brush}: {@code format: rle} and {@code rle} ({@link BrushRle}) of the result's original size.</li>
 * </ul>
 */
final class Regions {
    /** The region kinds, by the result type without its {@code labels} suffix. */
    static final List<String> KINDS = List.of("rectangle", "polygon", "keypoint", "ellipse", "brush");

    private Regions() {
    }

    /** {@code rectanglelabels} → {@code rectangle}; a type that is not a region → empty string. */
    static String kindOf(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        String base = t.endsWith("labels") ? t.substring(0, t.length() - "labels".length()) : t;
        return KINDS.contains(base) ? base : "";
    }

    /** The geometry, turned into an annotation once the label and the rest of the info are known. */
    static Function<AnnotationInfo, Annotation> geometry(String kind, JsonObjectFields v, ImageSize size, JsonObjectFields result) {
        int w = size.width(), h = size.height();
        switch (kind) {
            case "rectangle" -> {
                double x = v.requireNumber("x"), y = v.requireNumber("y");
                double bw = Percent.toPixels(v.requireSize("width"), w), bh = Percent.toPixels(v.requireSize("height"), h);
                double rotation = v.optionalNumber("rotation").orElse(0);
                if (rotation == 0) {
                    PixelBox box = new PixelBox(Percent.toPixels(x, w), Percent.toPixels(y, h), bw, bh);
                    return info -> new BoxAnnotation(info, box);
                }
                double x0 = Percent.rawPixels(x, w), y0 = Percent.rawPixels(y, h);
                double a = Math.toRadians(rotation), cos = Math.cos(a), sin = Math.sin(a);
                double cx = Percent.snap(x0 + centreDx(bw, bh, cos, sin));
                double cy = Percent.snap(y0 + centreDy(bw, bh, cos, sin));
                RotatedBox box = new RotatedBox(cx, cy, bw, bh, rotation);
                return info -> new RotatedBoxAnnotation(info, box);
            }
            case "polygon" -> {
                List<Point> points = points(v, size);
                JsonNode closed = v.get("closed");
                if (closed != null && !closed.isNull() && !closed.isBoolean()) {
                    throw v.fail("closed", closed, "expected true or false");
                }
                if (closed != null && closed.isBoolean() && !closed.asBoolean()) {
                    if (points.size() < 2) {
                        throw v.fail("points", v.get("points"), "expected an open polygon (polyline) of at least 2 points");
                    }
                    Polyline line = new Polyline(points);
                    return info -> new PolylineAnnotation(info, line);
                }
                if (points.size() < 3) {
                    throw v.fail("points", v.get("points"), "expected a polygon of at least 3 points");
                }
                Polygon polygon = Polygon.of(points);
                return info -> new PolygonAnnotation(info, polygon);
            }
            case "keypoint" -> {
                Point p = new Point(Percent.toPixels(v.requireNumber("x"), w), Percent.toPixels(v.requireNumber("y"), h));
                return info -> new PointsAnnotation(info, List.of(p));
            }
            case "ellipse" -> {
                Ellipse e = new Ellipse(Percent.toPixels(v.requireNumber("x"), w), Percent.toPixels(v.requireNumber("y"), h),
                        Percent.toPixels(v.requireSize("radiusX"), w), Percent.toPixels(v.requireSize("radiusY"), h),
                        v.optionalNumber("rotation").orElse(0));
                return info -> new EllipseAnnotation(info, e);
            }
            case "brush" -> {
                Rle mask = brush(v, result);
                return info -> new MaskAnnotation(info, mask);
            }
            default -> throw new IllegalArgumentException("not a region kind: " + kind);
        }
    }

    /** The offset from the top-left corner to the centre of a box of {@code w × h} rotated by the angle. */
    static double centreDx(double w, double h, double cos, double sin) {
        return w / 2 * cos - h / 2 * sin;
    }

    static double centreDy(double w, double h, double cos, double sin) {
        return w / 2 * sin + h / 2 * cos;
    }

    private static List<Point> points(JsonObjectFields v, ImageSize size) {
        JsonNode pts = v.get("points");
        if (pts == null || !pts.isArray()) {
            throw v.fail("points", pts, "expected an array of [x, y] points in percent");
        }
        List<Point> out = new ArrayList<>(pts.size());
        for (int i = 0; i < pts.size(); i++) {
            JsonNode p = pts.get(i);
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || !Double.isFinite(p.get(0).asDouble()) || !Double.isFinite(p.get(1).asDouble())) {
                throw v.fail("points[" + i + "]", p, "expected a point [x, y] of two finite numbers (percent)");
            }
            out.add(new Point(Percent.toPixels(p.get(0).asDouble(), size.width()),
                    Percent.toPixels(p.get(1).asDouble(), size.height())));
        }
        return out;
    }

    /** The brush mask in the result's own original size (the caller resamples it when the image differs). */
    private static Rle brush(JsonObjectFields v, JsonObjectFields result) {
        String format = v.optionalText("format").orElse("rle");
        if (!format.equals("rle")) {
            throw v.fail("format", v.get("format"), "expected \"rle\" (the only brush format Label Studio exports)");
        }
        JsonNode rle = v.get("rle");
        if (rle == null || !rle.isArray() || rle.isEmpty()) {
            throw v.fail("rle", rle, "expected an array of bytes (0..255)");
        }
        int[] bytes = new int[rle.size()];
        for (int i = 0; i < bytes.length; i++) {
            JsonNode b = rle.get(i);
            if (!b.isIntegralNumber() || b.asInt() < 0 || b.asInt() > 255) {
                throw v.fail("rle[" + i + "]", b, "expected a byte (an integer 0..255)");
            }
            bytes[i] = b.asInt();
        }
        int ow = result.optionalSide("original_width").orElseThrow(() -> result.fail("original_width",
                result.get("original_width"), "expected the width in pixels the brush mask was drawn on"));
        int oh = result.optionalSide("original_height").orElseThrow(() -> result.fail("original_height",
                result.get("original_height"), "expected the height in pixels the brush mask was drawn on"));
        try {
            return BrushRle.decode(bytes, oh, ow);
        } catch (ValidationException e) {
            throw e.at(v.location());
        }
    }

    /** A mask resampled to {@code size} by nearest neighbour (pixel centres). */
    static Rle resample(Rle mask, ImageSize size) {
        boolean[] src = mask.toBitmap();
        int sw = mask.width(), sh = mask.height(), tw = size.width(), th = size.height();
        boolean[] out = new boolean[tw * th];
        for (int y = 0; y < th; y++) {
            int sy = Math.min(sh - 1, (int) ((y + 0.5) * sh / th));
            for (int x = 0; x < tw; x++) {
                int sx = Math.min(sw - 1, (int) ((x + 0.5) * sw / tw));
                out[y * tw + x] = src[sy * sw + sx];
            }
        }
        return Rle.fromBitmap(out, th, tw);
    }
}
