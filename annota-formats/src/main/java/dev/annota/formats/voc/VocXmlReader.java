package dev.annota.formats.voc;

import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.formats.ImportReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Turns the elements of one {@code Annotations/<id>.xml} into boxes (see {@link VocFormat} for the mapping). */
final class VocXmlReader {
    /** What one annotation file says: its image file name and size, and its objects in file order. */
    record Parsed(Optional<String> fileName, Optional<ImageSize> size, List<VocObject> objects) {
    }

    /** One {@code <object>}: its box (empty when it was broken and skipped) and its part boxes. */
    record VocObject(Optional<BoxAnnotation> box, List<BoxAnnotation> parts) {
    }

    private final String file;
    private final VocLabels labels;
    private final ImportReport report;

    VocXmlReader(String file, VocLabels labels, ImportReport report) {
        this.file = file;
        this.labels = labels;
        this.report = report;
    }

    Parsed read(XmlNode root) {
        if (!root.name().equals("annotation")) {
            throw new ValidationException(new FieldError(where(root), "(root)", root.name(), "expected an <annotation> element"));
        }
        Optional<ImageSize> size = Optional.empty();
        Optional<XmlNode> sizeNode = root.child("size");
        if (sizeNode.isPresent()) {
            try {
                int w = (int) number(sizeNode.get(), "width");
                int h = (int) number(sizeNode.get(), "height");
                if (w >= 1 && h >= 1) {
                    size = Optional.of(new ImageSize(w, h));
                } else {
                    report.warn(new FieldError(where(sizeNode.get()), "width/height", w + "x" + h,
                            "expected a positive image size (ignored)"));
                }
            } catch (ValidationException e) {
                e.errors().forEach(fe -> report.warn(new FieldError(fe.location(), fe.field(), fe.value(), fe.expected() + " (size ignored)")));
            }
        }
        List<VocObject> objects = new ArrayList<>();
        for (XmlNode o : root.all("object")) {
            try {
                objects.add(object(o));
            } catch (ValidationException e) {
                report.error(e);
                objects.add(new VocObject(Optional.empty(), List.of()));
            }
        }
        return new Parsed(root.text("filename"), size, objects);
    }

    private VocObject object(XmlNode o) {
        LabelId label = labels.byName(require(o, "name"), where(o), "name");
        Map<String, AttributeValue> attributes = new TreeMap<>();
        o.text(VocFormat.POSE).ifPresent(p -> attributes.put(VocFormat.POSE, AttributeValue.of(p)));
        flag(o, VocFormat.TRUNCATED).ifPresent(v -> attributes.put(VocFormat.TRUNCATED, AttributeValue.of(v)));
        flag(o, VocFormat.DIFFICULT).ifPresent(v -> attributes.put(VocFormat.DIFFICULT, AttributeValue.of(v)));
        boolean occluded = flag(o, "occluded").orElse(false);
        o.child("actions").ifPresent(actions -> {
            for (XmlNode a : actions.children()) {
                attributes.put(a.name(), AttributeValue.of(flag(actions, a.name()).orElse(false)));
            }
        });
        o.child("attributes").ifPresent(attrs -> {
            for (XmlNode a : attrs.all("attribute")) {
                String name = require(a, "name");
                attributes.put(name, parseValue(a.text("value").orElse("")));
            }
        });
        PixelBox box = box(o);
        AnnotationInfo info = AnnotationInfo.of(label).withAttributes(attributes).withOccluded(occluded);
        List<BoxAnnotation> parts = new ArrayList<>();
        for (XmlNode p : o.all("part")) {
            LabelId partLabel = labels.byName(require(p, "name"), where(p), "name");
            parts.add(BoxAnnotation.of(partLabel, box(p)));
        }
        return new VocObject(Optional.of(new BoxAnnotation(info, box)), parts);
    }

    /** Datumaro writes attribute values with Python's str(): True/False, numbers, text. */
    static AttributeValue parseValue(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return AttributeValue.of(Boolean.parseBoolean(t.toLowerCase(Locale.ROOT)));
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D") && !t.endsWith("F")) {
                return AttributeValue.of(d);
            }
        } catch (NumberFormatException e) {
            // not a number: text
        }
        return AttributeValue.of(text);
    }

    private PixelBox box(XmlNode o) {
        XmlNode b = o.child("bndbox").orElseThrow(() -> new ValidationException(
                new FieldError(where(o), "bndbox", null, "expected a <bndbox> with xmin, ymin, xmax, ymax")));
        double xmin = number(b, "xmin"), ymin = number(b, "ymin"), xmax = number(b, "xmax"), ymax = number(b, "ymax");
        if (xmax < xmin) {
            throw new ValidationException(new FieldError(where(b.child("xmax").orElse(b)), "xmax", text(b, "xmax"), "expected xmax >= xmin (" + text(b, "xmin") + ")"));
        }
        if (ymax < ymin) {
            throw new ValidationException(new FieldError(where(b.child("ymax").orElse(b)), "ymax", text(b, "ymax"), "expected ymax >= ymin (" + text(b, "ymin") + ")"));
        }
        return PixelBox.fromCorners(xmin, ymin, xmax, ymax);
    }

    private double number(XmlNode parent, String field) {
        String t = require(parent, field);
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(new FieldError(where(parent.child(field).orElse(parent)), field, t, "expected a number"));
    }

    private Optional<Boolean> flag(XmlNode parent, String field) {
        Optional<String> t = parent.text(field);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return switch (t.get().toLowerCase(Locale.ROOT)) {
            case "1", "true" -> Optional.of(true);
            case "0", "false" -> Optional.of(false);
            default -> throw new ValidationException(new FieldError(where(parent.child(field).orElseThrow()), field, t.get(),
                    "expected 0 or 1"));
        };
    }

    private String require(XmlNode parent, String field) {
        return parent.text(field).orElseThrow(() -> new ValidationException(
                new FieldError(where(parent), field, null, "expected a <" + field + "> element with a value")));
    }

    private static String text(XmlNode parent, String field) {
        return parent.text(field).orElse("");
    }

    String where(XmlNode node) {
        return file + ":" + node.line() + " " + node.path();
    }
}
