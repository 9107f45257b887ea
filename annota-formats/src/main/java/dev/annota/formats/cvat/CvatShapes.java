package dev.annota.formats.cvat;

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
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Names;
import dev.annota.core.schema.Skeleton;
import dev.annota.core.schema.AttributeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * One shape element of an {@code <image>} to an annotation. Every rule that a value breaks throws a
 * {@link ValidationException} naming {@code file:line}, {@code element.attribute} and the value, e.g.
 * {@code annotations.xml:42: field 'box.xtl': expected a number, got "abc"}.
 */
final class CvatShapes {
    private static final String[] CUBOID = {"xtl1", "ytl1", "xbl1", "ybl1", "xtr1", "ytr1", "xbr1", "ybr1",
        "xtl2", "ytl2", "xbl2", "ybl2", "xtr2", "ytr2", "xbr2", "ybr2"};

    private final LabelSchema schema;
    private final CappedWarnings warnings;
    /** Classes and attribute specs by the names as written: comparing normalised names for every shape is slow. */
    private final Map<String, Optional<LabelClass>> classes = new HashMap<>();
    private final Map<dev.annota.core.schema.LabelId, Map<String, Optional<AttributeSpec>>> specs = new HashMap<>();

    CvatShapes(LabelSchema schema, CappedWarnings warnings) {
        this.schema = schema;
        this.warnings = warnings;
    }

    Annotation read(XmlElement el, Optional<ImageSize> size) {
        String labelName = CvatSchema.className(el.attributes().get("label"));
        LabelClass cls = classes.computeIfAbsent(labelName, schema::byName).orElseThrow(() -> fail(el, "label", el.attributes().get("label"),
                "expected a label of the schema"));
        AnnotationInfo info = info(el, cls);
        try {
            return switch (el.name()) {
                case "box" -> box(el, info);
                case "polygon" -> new PolygonAnnotation(info, Polygon.of(points(el, 3)));
                case "polyline" -> new PolylineAnnotation(info, new Polyline(points(el, 2)));
                case "points" -> new PointsAnnotation(info, points(el, 1));
                case "ellipse" -> new EllipseAnnotation(info, new Ellipse(number(el, "cx"), number(el, "cy"),
                        nonNegative(el, "rx"), nonNegative(el, "ry"), optionalNumber(el, "rotation").orElse(0)));
                case "cuboid" -> cuboid(el, info);
                case "mask" -> new MaskAnnotation(info, mask(el, size));
                case "tag" -> new Tag(info);
                case "skeleton" -> keypoints(el, info, cls);
                default -> throw fail(el, "", el.name(), "expected a shape element");
            };
        } catch (ValidationException e) {
            if (e.errors().stream().allMatch(fe -> !fe.location().isEmpty())) {
                throw e;
            }
            // a rule of the geometry itself (a polygon of 2 points...): locate it at the element
            throw new ValidationException(e.errors().stream()
                    .map(fe -> fe.location().isEmpty() ? new FieldError(el.location(), el.name() + "." + fe.field(), fe.value(), fe.expected()) : fe)
                    .toList());
        }
    }

    private Annotation box(XmlElement el, AnnotationInfo info) {
        double xtl = number(el, "xtl"), ytl = number(el, "ytl"), xbr = number(el, "xbr"), ybr = number(el, "ybr");
        if (xbr < xtl) {
            throw fail(el, "xbr", CvatXml.number(xbr), "expected xbr >= xtl (" + CvatXml.number(xtl) + ")");
        }
        if (ybr < ytl) {
            throw fail(el, "ybr", CvatXml.number(ybr), "expected ybr >= ytl (" + CvatXml.number(ytl) + ")");
        }
        OptionalDouble rotation = optionalNumber(el, "rotation");
        if (rotation.isPresent()) {
            return new RotatedBoxAnnotation(info, new RotatedBox((xtl + xbr) / 2, (ytl + ybr) / 2, xbr - xtl, ybr - ytl,
                    rotation.getAsDouble()));
        }
        return new BoxAnnotation(info, new PixelBox(xtl, ytl, xbr - xtl, ybr - ytl));
    }

    private Annotation cuboid(XmlElement el, AnnotationInfo info) {
        List<Point> pts = new ArrayList<>(8);
        for (int i = 0; i < CUBOID.length; i += 2) {
            pts.add(new Point(number(el, CUBOID[i]), number(el, CUBOID[i + 1])));
        }
        return new CuboidAnnotation(info, new Cuboid2D(pts.subList(0, 4), pts.subList(4, 8)));
    }

    private dev.annota.core.geometry.Rle mask(XmlElement el, Optional<ImageSize> size) {
        String raw = el.attributes().get("rle");
        if (raw == null || raw.isBlank()) {
            throw fail(el, "rle", raw, "expected run lengths separated by commas");
        }
        String[] parts = raw.split(",");
        int[] runs = new int[parts.length];
        long sum = 0;
        for (int i = 0; i < parts.length; i++) {
            try {
                runs[i] = Integer.parseInt(parts[i].strip());
            } catch (NumberFormatException e) {
                throw fail(el, "rle", CvatXml.shown(parts[i].strip()), "expected run lengths separated by commas (run " + i + ")");
            }
            if (runs[i] < 0) {
                throw fail(el, "rle", Integer.toString(runs[i]), "expected non-negative run lengths (run " + i + ")");
            }
            sum += runs[i];
        }
        int left = integer(el, "left"), top = integer(el, "top");
        int width = integer(el, "width"), height = integer(el, "height");
        if (width < 1) {
            throw fail(el, "width", Integer.toString(width), "expected a mask width of at least 1");
        }
        if (height < 1) {
            throw fail(el, "height", Integer.toString(height), "expected a mask height of at least 1");
        }
        if (sum != (long) width * height) {
            throw fail(el, "rle", "sum " + sum, "expected run lengths adding up to width*height = " + ((long) width * height));
        }
        if (size.isEmpty()) {
            throw fail(el, "", "mask", "expected the image size (width and height of <image>, or a readable image file) to place the mask");
        }
        long[] outside = new long[1];
        var rle = CvatMasks.toRle(new CvatMasks.BoxRle(left, top, width, height, runs), size.get(), outside);
        if (outside[0] > 0) {
            warnings.warn("mask.outside", new FieldError(el.location(), "mask.left/top/width/height",
                    left + "," + top + "," + width + "," + height, "expected a mask inside the "
                            + size.get().width() + "x" + size.get().height() + " image; " + outside[0] + " pixels outside were cut off"));
        }
        return rle;
    }

    private Annotation keypoints(XmlElement el, AnnotationInfo info, LabelClass cls) {
        Skeleton skeleton = cls.skeleton().orElseThrow(() -> fail(el, "label", cls.name(),
                "expected a skeleton label (with <points> in its <svg> or sub-labels)"));
        Keypoint[] kps = new Keypoint[skeleton.size()];
        for (XmlElement p : el.children("points")) {
            String name = p.attributes().getOrDefault("label", "");
            int index = indexOf(skeleton, name);
            if (index < 0) {
                throw fail(p, "skeleton.points", "label", name, "expected a point of skeleton \"" + cls.name() + "\", one of "
                        + skeleton.points());
            }
            if (kps[index] != null) {
                throw fail(p, "skeleton.points", "label", name, "expected each point of the skeleton once");
            }
            List<Point> xy = points(p, 1);
            if (xy.size() != 1) {
                throw fail(p, "skeleton.points", "points", p.attributes().get("points"), "expected one x,y pair");
            }
            Visibility v = flag(p, "outside") ? Visibility.ABSENT : flag(p, "occluded") ? Visibility.OCCLUDED : Visibility.VISIBLE;
            kps[index] = new Keypoint(xy.get(0), v);
            if (!p.children("attribute").isEmpty()) {
                warnings.warn("keypoint.attributes", new FieldError(p.location(), "skeleton.points.attribute",
                        p.children("attribute").get(0).attributes().get("name"),
                        "expected no attributes on a skeleton point: Annota keypoints have none; dropped"));
            }
        }
        for (int i = 0; i < kps.length; i++) {
            if (kps[i] == null) {
                kps[i] = Keypoint.absent();
            }
        }
        return new KeypointsAnnotation(info, new Keypoints(List.of(kps)));
    }

    private static int indexOf(Skeleton skeleton, String name) {
        String key = Names.normalise(name);
        for (int i = 0; i < skeleton.size(); i++) {
            if (Names.normalise(skeleton.points().get(i)).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private AnnotationInfo info(XmlElement el, LabelClass cls) {
        Map<String, AttributeValue> attributes = new TreeMap<>();
        for (XmlElement a : el.children("attribute")) {
            String name = a.attributes().getOrDefault("name", "");
            if (name.isBlank()) {
                throw fail(a, el.name() + ".attribute", "name", name, "expected a non-blank attribute name");
            }
            Optional<AttributeSpec> spec = specs.computeIfAbsent(cls.id(), k -> new HashMap<>()).computeIfAbsent(name, cls::attribute);
            if (spec.isEmpty()) {
                warnings.warn("attribute.undeclared", new FieldError(a.location(), el.name() + ".attribute." + name, CvatXml.shown(a.text()),
                        "expected an attribute declared for label \"" + cls.name() + "\"; kept as text"));
            }
            attributes.put(spec.map(s -> s.name()).orElse(name),
                    CvatAttributes.value(spec, a.text(), a.location(), el.name() + ".attribute." + name));
        }
        int group = optionalInteger(el, "group_id").orElse(0);
        if (group < 0) {
            throw fail(el, "group_id", Integer.toString(group), "expected a group id >= 0 (0 means no group)");
        }
        return new AnnotationInfo(cls.id(), attributes, source(el), OptionalDouble.empty(), flag(el, "occluded"),
                optionalInteger(el, "z_order").orElse(0), group == 0 ? OptionalInt.empty() : OptionalInt.of(group));
    }

    private Source source(XmlElement el) {
        String s = el.attributes().getOrDefault("source", "manual").strip();
        return switch (CvatXml.lower(s)) {
            case "", "manual", "file", "consensus" -> Source.human();
            case "auto" -> CvatFormat.AUTO;
            case "semi-auto" -> CvatFormat.SEMI_AUTO;
            default -> {
                warnings.warn("source", new FieldError(el.location(), el.name() + ".source", s,
                        "expected manual, auto, semi-auto or file; read as manual"));
                yield Source.human();
            }
        };
    }

    /** {@code "x,y;x,y;..."} with at least {@code min} points. */
    private static List<Point> points(XmlElement el, int min) {
        String raw = el.attributes().get("points");
        if (raw == null) {
            throw fail(el, "points", null, "expected points as x,y pairs separated by ';'");
        }
        List<Point> out = new ArrayList<>();
        if (!raw.isBlank()) {
            String[] pairs = raw.split(";");
            for (int i = 0; i < pairs.length; i++) {
                String[] xy = pairs[i].split(",");
                double x = xy.length == 2 ? parse(xy[0]) : Double.NaN;
                double y = xy.length == 2 ? parse(xy[1]) : Double.NaN;
                if (!Double.isFinite(x) || !Double.isFinite(y)) {
                    throw fail(el, "points", CvatXml.shown(pairs[i]), "expected x,y pairs of numbers separated by ';' (pair " + i + ")");
                }
                out.add(new Point(x, y));
            }
        }
        if (out.size() < min) {
            throw fail(el, "points", CvatXml.shown(raw), "expected at least " + min + (min == 1 ? " point" : " points"));
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double number(XmlElement el, String attribute) {
        String raw = el.attributes().get(attribute);
        double v = raw == null ? Double.NaN : parse(raw);
        if (!Double.isFinite(v)) {
            throw fail(el, attribute, raw == null ? null : CvatXml.shown(raw), "expected a number");
        }
        return v;
    }

    private static double nonNegative(XmlElement el, String attribute) {
        double v = number(el, attribute);
        if (v < 0) {
            throw fail(el, attribute, el.attributes().get(attribute), "expected a number >= 0");
        }
        return v;
    }

    private static OptionalDouble optionalNumber(XmlElement el, String attribute) {
        return el.attributes().containsKey(attribute) ? OptionalDouble.of(number(el, attribute)) : OptionalDouble.empty();
    }

    private static int integer(XmlElement el, String attribute) {
        String raw = el.attributes().get(attribute);
        try {
            return Integer.parseInt(raw == null ? "" : raw.strip());
        } catch (NumberFormatException e) {
            throw fail(el, attribute, raw == null ? null : CvatXml.shown(raw), "expected a whole number");
        }
    }

    private static OptionalInt optionalInteger(XmlElement el, String attribute) {
        return el.attributes().containsKey(attribute) ? OptionalInt.of(integer(el, attribute)) : OptionalInt.empty();
    }

    private static boolean flag(XmlElement el, String attribute) {
        String raw = el.attributes().get(attribute);
        if (raw == null) {
            return false;
        }
        return switch (CvatXml.lower(raw.strip())) {
            case "1", "true" -> true;
            case "0", "false", "" -> false;
            default -> throw fail(el, attribute, raw, "expected 0 or 1");
        };
    }

    static ValidationException fail(XmlElement el, String attribute, String value, String expected) {
        return fail(el, el.name(), attribute, value, expected);
    }

    private static ValidationException fail(XmlElement el, String element, String attribute, String value, String expected) {
        String field = attribute.isEmpty() ? element : element + "." + attribute;
        return new ValidationException(new FieldError(el.location(), field, value, expected));
    }
}
