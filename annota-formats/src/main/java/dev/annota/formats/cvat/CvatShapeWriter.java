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
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Point;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.MultiSelectAttribute;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.Skeleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes one annotation as a CVAT shape element. What CVAT cannot hold is converted by a fixed rule and
 * reported (capped per kind of loss): keypoints of a class without a matching skeleton become
 * {@code <points>} (labelled points only), a polygon of several parts becomes one {@code <polygon>} per part
 * in one group, an empty mask is not written, and scores, user names and model names are not written.
 * Attributes the schema does not declare are collected, so that {@code <meta>} can declare them.
 */
final class CvatShapeWriter {
    private final LabelSchema schema;
    private final CappedWarnings warnings;
    /** Per class, attributes used but not declared: name → CVAT input type. */
    private final Map<LabelId, Map<String, String>> undeclared = new LinkedHashMap<>();
    /** Attribute specs by class and name as written: comparing normalised names for every value is slow. */
    private final Map<LabelId, Map<String, Optional<AttributeSpec>>> specs = new java.util.HashMap<>();

    CvatShapeWriter(LabelSchema schema, CappedWarnings warnings) {
        this.schema = schema;
        this.warnings = warnings;
    }

    Map<LabelId, Map<String, String>> undeclared() {
        return undeclared;
    }

    /**
     * Writes {@code a}; {@code group} maps Annota group ids to this image's CVAT group ids and
     * {@code newGroup} hands out a fresh one.
     */
    void write(XMLStreamWriter w, Annotation a, String where, Map<Integer, Integer> group, IntSupplier newGroup)
            throws XMLStreamException {
        Optional<LabelClass> found = schema.get(a.label());
        if (found.isEmpty()) {
            warnings.report().error(new FieldError(where, "label", a.label().toString(),
                    "expected a class of the schema; annotation not written"));
            return;
        }
        LabelClass cls = found.get();
        AnnotationInfo info = a.info();
        lostInfo(info, where);
        OptionalGroup g = new OptionalGroup(info.groupId().isPresent()
                ? group.computeIfAbsent(info.groupId().getAsInt(), k -> newGroup.getAsInt()) : 0);
        if (a instanceof Tag t) {
            open(w, "tag", cls, info, 2);
            if (info.occluded()) {
                w.writeAttribute("occluded", "1");
            }
            if (info.zOrder() != 0) {
                w.writeAttribute("z_order", Integer.toString(info.zOrder()));
            }
            g.write(w);
            close(w, cls, info, where);
        } else if (a instanceof BoxAnnotation b) {
            openShape(w, "box", cls, info);
            corners(w, b.box().x(), b.box().y(), b.box().x2(), b.box().y2());
            common(w, info, g);
            close(w, cls, info, where);
        } else if (a instanceof RotatedBoxAnnotation r) {
            openShape(w, "box", cls, info);
            var box = r.box();
            corners(w, box.cx() - box.width() / 2, box.cy() - box.height() / 2, box.cx() + box.width() / 2,
                    box.cy() + box.height() / 2);
            w.writeAttribute("rotation", CvatXml.number(box.angleDegrees()));
            common(w, info, g);
            close(w, cls, info, where);
        } else if (a instanceof PolygonAnnotation p) {
            List<List<Point>> parts = p.polygon().parts();
            OptionalGroup partsGroup = g;
            if (parts.size() > 1) {
                warnings.warn("polygon.parts", new FieldError(where, "kind", "polygon with " + parts.size() + " parts",
                        "CVAT polygons have one part; each part is written as its own <polygon>, all in one group"));
                if (g.id == 0) {
                    partsGroup = new OptionalGroup(newGroup.getAsInt());
                }
            }
            for (List<Point> part : parts) {
                pointsShape(w, "polygon", cls, info, part, partsGroup, where);
            }
        } else if (a instanceof PolylineAnnotation l) {
            pointsShape(w, "polyline", cls, info, l.polyline().points(), g, where);
        } else if (a instanceof PointsAnnotation p) {
            pointsShape(w, "points", cls, info, p.points(), g, where);
        } else if (a instanceof KeypointsAnnotation k) {
            keypoints(w, k, cls, info, g, where);
        } else if (a instanceof MaskAnnotation m) {
            Optional<CvatMasks.BoxRle> box = CvatMasks.fromRle(m.mask());
            if (box.isEmpty()) {
                warnings.warn("mask.empty", new FieldError(where, "kind", "mask (empty)",
                        "CVAT cannot hold an empty mask (its box has no pixels); annotation not written"));
                return;
            }
            CvatMasks.BoxRle b = box.get();
            openShape(w, "mask", cls, info);
            StringBuilder rle = new StringBuilder();
            for (int i = 0; i < b.runs().length; i++) {
                rle.append(i == 0 ? "" : ", ").append(b.runs()[i]);
            }
            w.writeAttribute("rle", rle.toString());
            w.writeAttribute("left", Integer.toString(b.left()));
            w.writeAttribute("top", Integer.toString(b.top()));
            w.writeAttribute("width", Integer.toString(b.width()));
            w.writeAttribute("height", Integer.toString(b.height()));
            common(w, info, g);
            close(w, cls, info, where);
        } else if (a instanceof CuboidAnnotation c) {
            openShape(w, "cuboid", cls, info);
            List<Point> f = c.cuboid().front(), b = c.cuboid().back();
            String[] names = {"tl", "bl", "tr", "br"};
            for (int i = 0; i < 4; i++) {
                w.writeAttribute("x" + names[i] + "1", CvatXml.number(f.get(i).x()));
                w.writeAttribute("y" + names[i] + "1", CvatXml.number(f.get(i).y()));
            }
            for (int i = 0; i < 4; i++) {
                w.writeAttribute("x" + names[i] + "2", CvatXml.number(b.get(i).x()));
                w.writeAttribute("y" + names[i] + "2", CvatXml.number(b.get(i).y()));
            }
            common(w, info, g);
            close(w, cls, info, where);
        } else if (a instanceof EllipseAnnotation e) {
            openShape(w, "ellipse", cls, info);
            var el = e.ellipse();
            w.writeAttribute("cx", CvatXml.number(el.cx()));
            w.writeAttribute("cy", CvatXml.number(el.cy()));
            w.writeAttribute("rx", CvatXml.number(el.rx()));
            w.writeAttribute("ry", CvatXml.number(el.ry()));
            if (el.angleDegrees() != 0) {
                w.writeAttribute("rotation", CvatXml.number(el.angleDegrees()));
            }
            common(w, info, g);
            close(w, cls, info, where);
        }
    }

    private void keypoints(XMLStreamWriter w, KeypointsAnnotation k, LabelClass cls, AnnotationInfo info, OptionalGroup g,
            String where) throws XMLStreamException {
        Optional<Skeleton> sk = cls.skeleton().filter(s -> s.size() == k.keypoints().size());
        if (sk.isEmpty()) {
            List<Point> labelled = k.keypoints().points().stream().filter(p -> p.visibility().isLabelled())
                    .map(Keypoint::position).toList();
            warnings.warn("keypoints.points", new FieldError(where, "kind", "keypoints", "expected a class with a skeleton of "
                    + k.keypoints().size() + " points; written as <points> with the labelled points"
                    + (labelled.isEmpty() ? " (none: annotation not written)" : "")));
            if (!labelled.isEmpty()) {
                pointsShape(w, "points", cls, info, labelled, g, where);
            }
            return;
        }
        open(w, "skeleton", cls, info, 2);
        if (info.occluded()) {
            w.writeAttribute("occluded", "1");
        }
        w.writeAttribute("z_order", Integer.toString(info.zOrder()));
        g.write(w);
        String source = source(info.source());
        for (int i = 0; i < sk.get().size(); i++) {
            Keypoint p = k.keypoints().points().get(i);
            indent(w, 3);
            w.writeEmptyElement("points");
            w.writeAttribute("label", sk.get().points().get(i));
            w.writeAttribute("source", source);
            w.writeAttribute("outside", p.visibility().isLabelled() ? "0" : "1");
            w.writeAttribute("occluded", p.visibility() == dev.annota.core.geometry.Visibility.OCCLUDED ? "1" : "0");
            w.writeAttribute("points", CvatXml.number(p.position().x()) + "," + CvatXml.number(p.position().y()));
        }
        attributes(w, cls, info, where);
        indent(w, 2);
        w.writeEndElement();
    }

    private void pointsShape(XMLStreamWriter w, String element, LabelClass cls, AnnotationInfo info, List<Point> points,
            OptionalGroup g, String where) throws XMLStreamException {
        openShape(w, element, cls, info);
        StringBuilder sb = new StringBuilder(points.size() * 12);
        for (Point p : points) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(CvatXml.number(p.x())).append(',').append(CvatXml.number(p.y()));
        }
        w.writeAttribute("points", sb.toString());
        common(w, info, g);
        close(w, cls, info, where);
    }

    private void openShape(XMLStreamWriter w, String element, LabelClass cls, AnnotationInfo info) throws XMLStreamException {
        open(w, element, cls, info, 2);
        w.writeAttribute("occluded", info.occluded() ? "1" : "0");
    }

    private static void open(XMLStreamWriter w, String element, LabelClass cls, AnnotationInfo info, int level)
            throws XMLStreamException {
        indent(w, level);
        w.writeStartElement(element);
        w.writeAttribute("label", cls.name());
        w.writeAttribute("source", source(info.source()));
    }

    private static void corners(XMLStreamWriter w, double xtl, double ytl, double xbr, double ybr) throws XMLStreamException {
        w.writeAttribute("xtl", CvatXml.number(xtl));
        w.writeAttribute("ytl", CvatXml.number(ytl));
        w.writeAttribute("xbr", CvatXml.number(xbr));
        w.writeAttribute("ybr", CvatXml.number(ybr));
    }

    private static void common(XMLStreamWriter w, AnnotationInfo info, OptionalGroup g) throws XMLStreamException {
        w.writeAttribute("z_order", Integer.toString(info.zOrder()));
        g.write(w);
    }

    private void close(XMLStreamWriter w, LabelClass cls, AnnotationInfo info, String where) throws XMLStreamException {
        if (attributes(w, cls, info, where)) {
            indent(w, 2);
        }
        w.writeEndElement();
    }

    /** Writes the {@code <attribute>} children; true when there were any. */
    private boolean attributes(XMLStreamWriter w, LabelClass cls, AnnotationInfo info, String where) throws XMLStreamException {
        boolean any = false;
        for (Map.Entry<String, AttributeValue> e : info.attributes().entrySet()) {
            String name = e.getKey();
            AttributeValue value = e.getValue();
            Optional<AttributeSpec> spec = specs.computeIfAbsent(cls.id(), k -> new java.util.HashMap<>())
                    .computeIfAbsent(name, cls::attribute);
            if (spec.isPresent() && !fits(spec.get(), value)) {
                warnings.warn("attribute.type", new FieldError(where, name, CvatXml.shown(value.display()),
                        "expected a value of the " + spec.get().typeName() + " attribute declared for class \"" + cls.name()
                                + "\"; attribute not written"));
                continue;
            }
            if (spec.isEmpty()) {
                declare(cls.id(), name, value);
            }
            if (value instanceof AttributeValue.Choices && (spec.isEmpty() || spec.get() instanceof MultiSelectAttribute)) {
                warnings.warn("attribute.choices", new FieldError(where, name, value.display(),
                        "CVAT has no multi-select attribute; written as text, the options joined by commas"));
            }
            indent(w, 3);
            w.writeStartElement("attribute");
            w.writeAttribute("name", spec.map(AttributeSpec::name).orElse(name));
            w.writeCharacters(CvatAttributes.text(value));
            w.writeEndElement();
            any = true;
        }
        return any;
    }

    private static boolean fits(AttributeSpec spec, AttributeValue value) {
        if (spec instanceof CheckboxAttribute) {
            return value instanceof AttributeValue.Flag;
        }
        if (spec instanceof NumberAttribute) {
            return value instanceof AttributeValue.Numeric;
        }
        if (spec instanceof MultiSelectAttribute) {
            return value instanceof AttributeValue.Choices;
        }
        return value instanceof AttributeValue.Text;
    }

    private void declare(LabelId label, String name, AttributeValue value) {
        Map<String, String> attrs = undeclared.computeIfAbsent(label, k -> new LinkedHashMap<>());
        String type = CvatAttributes.inputTypeOf(value);
        attrs.merge(name, type, (a, b) -> a.equals(b) ? a : "text");
    }

    private void lostInfo(AnnotationInfo info, String where) {
        if (info.confidence().isPresent()) {
            warnings.warn("confidence", new FieldError(where, "confidence", Double.toString(info.confidence().getAsDouble()),
                    "CVAT for images has no scores; confidence not written"));
        }
        if (info.source() instanceof Source.Human h && h.user().isPresent()) {
            warnings.warn("source.user", new FieldError(where, "source.user", h.user().get(),
                    "CVAT for images does not name the annotator of a shape; written as source=\"manual\""));
        }
        if (info.source() instanceof Source.Model m && !m.equals(CvatFormat.AUTO) && !m.equals(CvatFormat.SEMI_AUTO)) {
            warnings.warn("source.model", new FieldError(where, "source.model", m.name() + " " + m.version(),
                    "CVAT for images does not name the model of a shape; written as source=\"auto\""));
        }
    }

    static String source(Source s) {
        if (s.equals(CvatFormat.SEMI_AUTO)) {
            return "semi-auto";
        }
        return s instanceof Source.Model ? "auto" : "manual";
    }

    private static final String[] INDENT = {"\n", "\n  ", "\n    ", "\n      ", "\n        ", "\n          ",
        "\n            ", "\n              "};

    static void indent(XMLStreamWriter w, int level) throws XMLStreamException {
        w.writeCharacters(INDENT[level]);
    }

    /** A CVAT group id, 0 for none. */
    private record OptionalGroup(int id) {
        void write(XMLStreamWriter w) throws XMLStreamException {
            if (id != 0) {
                w.writeAttribute("group_id", Integer.toString(id));
            }
        }
    }
}
