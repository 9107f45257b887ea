package dev.annota.formats.cvat;

import dev.annota.core.error.FieldError;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.ImportReport;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@code <meta><task>} with the labels: name, colour, type, attributes (the schema's, then those the
 * annotations used without a declaration) and, for a class with a skeleton, CVAT's {@code <svg>} and one
 * sub-label per point.
 */
final class CvatMetaWriter {
    private CvatMetaWriter() {
    }

    static void write(XMLStreamWriter w, LabelSchema schema, Map<LabelId, Map<String, String>> undeclared, long size,
            ImportReport report) throws XMLStreamException {
        CvatShapeWriter.indent(w, 1);
        w.writeStartElement("meta");
        CvatShapeWriter.indent(w, 2);
        w.writeStartElement("task");
        text(w, 3, "name", "annota export");
        text(w, 3, "size", Long.toString(size));
        text(w, 3, "mode", "annotation");
        text(w, 3, "z_order", "True");
        CvatShapeWriter.indent(w, 3);
        w.writeStartElement("labels");
        for (LabelClass c : schema.classes()) {
            label(w, c, undeclared.getOrDefault(c.id(), Map.of()), report);
        }
        CvatShapeWriter.indent(w, 3);
        w.writeEndElement();
        CvatShapeWriter.indent(w, 2);
        w.writeEndElement();
        CvatShapeWriter.indent(w, 1);
        w.writeEndElement();
    }

    private static void label(XMLStreamWriter w, LabelClass c, Map<String, String> extra, ImportReport report)
            throws XMLStreamException {
        CvatShapeWriter.indent(w, 4);
        w.writeStartElement("label");
        text(w, 5, "name", c.name());
        text(w, 5, "color", c.colour().toLowerCase(java.util.Locale.ROOT));
        String type = CvatSchema.type(c);
        text(w, 5, "type", type);
        if (type.equals("skeleton") && !c.kinds().equals(java.util.EnumSet.of(dev.annota.core.schema.AnnotationKind.KEYPOINTS))) {
            report.warn(new FieldError("class " + c.name(), "kinds", c.kinds().toString(),
                    "a CVAT skeleton label holds only skeletons; written as type skeleton (shapes of other kinds are still written)"));
        }
        java.util.List<String[]> declarations = new java.util.ArrayList<>();
        for (AttributeSpec spec : c.attributes()) {
            String[] d = CvatAttributes.declaration(spec, lost -> report.warn(
                    new FieldError("class " + c.name(), "attributes." + spec.name(), spec.typeName(), lost)));
            declarations.add(new String[] {spec.name(), d[0], d[1], d[2]});
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            if (c.attribute(e.getKey()).isEmpty()) {
                String t = e.getValue();
                declarations.add(new String[] {e.getKey(), t, t.equals("checkbox") ? "false" : "",
                    t.equals("checkbox") ? "false\ntrue" : t.equals("number") ? "\n\n0.01" : ""});
            }
        }
        CvatShapeWriter.indent(w, 5);
        if (declarations.isEmpty()) {
            w.writeEmptyElement("attributes");
        } else {
            w.writeStartElement("attributes");
            for (String[] d : declarations) {
                attribute(w, d[0], new String[] {d[1], d[2], d[3]});
            }
            CvatShapeWriter.indent(w, 5);
            w.writeEndElement();
        }
        if (c.skeleton().isPresent()) {
            text(w, 5, "svg", CvatSkeletons.svg(c.skeleton().get()));
        }
        CvatShapeWriter.indent(w, 4);
        w.writeEndElement();
        if (c.skeleton().isPresent()) {
            Skeleton s = c.skeleton().get();
            for (String point : s.points()) {
                CvatShapeWriter.indent(w, 4);
                w.writeStartElement("label");
                text(w, 5, "name", point);
                text(w, 5, "color", c.colour().toLowerCase(java.util.Locale.ROOT));
                text(w, 5, "type", "points");
                CvatShapeWriter.indent(w, 5);
                w.writeEmptyElement("attributes");
                text(w, 5, "parent", c.name());
                CvatShapeWriter.indent(w, 4);
                w.writeEndElement();
            }
        }
    }

    private static void attribute(XMLStreamWriter w, String name, String[] declaration) throws XMLStreamException {
        CvatShapeWriter.indent(w, 6);
        w.writeStartElement("attribute");
        text(w, 7, "name", name);
        text(w, 7, "mutable", "False");
        text(w, 7, "input_type", declaration[0]);
        text(w, 7, "default_value", declaration[1]);
        text(w, 7, "values", declaration[2]);
        CvatShapeWriter.indent(w, 6);
        w.writeEndElement();
    }

    private static void text(XMLStreamWriter w, int level, String element, String value) throws XMLStreamException {
        CvatShapeWriter.indent(w, level);
        w.writeStartElement(element);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
