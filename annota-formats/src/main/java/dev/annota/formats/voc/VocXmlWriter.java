package dev.annota.formats.voc;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import dev.annota.formats.masks.MaskLosses;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Writes one {@code Annotations/<id>.xml} as Datumaro does, reporting what it cannot hold. */
final class VocXmlWriter {
    private VocXmlWriter() {
    }

    static String xml(String itemId, String fileName, Optional<ImageSize> size, boolean segmented, VocObjectPlan plan,
            LabelSchema schema, ImportReport report, Map<String, java.util.Set<String>> actionsSeen) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<annotation>\n");
        sb.append("  <folder>VOC</folder>\n");
        el(sb, 1, "filename", fileName);
        if (size.isPresent()) {
            sb.append("  <size>\n");
            el(sb, 2, "width", Integer.toString(size.get().width()));
            el(sb, 2, "height", Integer.toString(size.get().height()));
            el(sb, 2, "depth", "3");
            sb.append("  </size>\n");
        }
        el(sb, 1, "segmented", segmented ? "1" : "0");
        for (int k = 0; k < plan.objects.size(); k++) {
            VocObjectPlan.Obj o = plan.objects.get(k);
            String at = "item " + itemId + ": annotations[" + o.index() + "]";
            String label = schema.require(o.info().label()).name();
            sb.append("  <object>\n");
            el(sb, 2, "name", label);
            Map<String, AttributeValue> rest = new TreeMap<>(o.info().attributes());
            AttributeValue pose = rest.remove(VocFormat.POSE);
            if (pose != null) {
                el(sb, 2, "pose", pose.display());
                checkReadsBack(VocFormat.POSE, pose, AttributeValue.of(pose.display()), at, report);
            }
            for (String f : new String[] {VocFormat.TRUNCATED, VocFormat.DIFFICULT}) {
                if (rest.get(f) instanceof AttributeValue.Flag flag) {
                    rest.remove(f);
                    el(sb, 2, f, flag.value() ? "1" : "0");
                }
            }
            if (o.info().occluded()) {
                el(sb, 2, "occluded", "1");
            }
            box(sb, 2, o.box());
            for (BoxAnnotation p : o.parts()) {
                sb.append("    <part>\n");
                el(sb, 3, "name", schema.require(p.label()).name());
                box(sb, 3, p.box());
                sb.append("    </part>\n");
            }
            StringBuilder actions = new StringBuilder();
            for (String action : VocFormat.ACTIONS) {
                if (rest.get(action) instanceof AttributeValue.Flag flag) {
                    rest.remove(action);
                    el(actions, 3, action, flag.value() ? "1" : "0");
                    actionsSeen.computeIfAbsent(label, x -> new java.util.LinkedHashSet<>()).add(action);
                }
            }
            if (actions.length() > 0) {
                sb.append("    <actions>\n").append(actions).append("    </actions>\n");
            }
            if (!rest.isEmpty()) {
                sb.append("    <attributes>\n");
                rest.forEach((name, value) -> {
                    String text = value instanceof AttributeValue.Choices c ? String.join(";", c.values()) : value.display();
                    sb.append("      <attribute>\n");
                    el(sb, 4, "name", name);
                    el(sb, 4, "value", text);
                    sb.append("      </attribute>\n");
                    checkReadsBack(name, value, VocXmlReader.parseValue(text), at, report);
                });
                sb.append("    </attributes>\n");
            }
            MaskLosses.report(report, at, o.info().withAttributes(Map.of()), Set.of(), true, "VOC");
            sb.append("  </object>\n");
        }
        return sb.append("</annotation>\n").toString();
    }

    private static void checkReadsBack(String name, AttributeValue value, AttributeValue back, String at, ImportReport report) {
        if (!back.equals(value)) {
            report.warn(new FieldError(at, name, value.display(), "VOC writes attribute values as text; this one reads back as "
                    + back.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " \"" + back.display() + "\""));
        }
    }

    private static void box(StringBuilder sb, int depth, PixelBox b) {
        String pad = "  ".repeat(depth);
        sb.append(pad).append("<bndbox>\n");
        el(sb, depth + 1, "xmin", num(b.x()));
        el(sb, depth + 1, "ymin", num(b.y()));
        el(sb, depth + 1, "xmax", num(b.x2()));
        el(sb, depth + 1, "ymax", num(b.y2()));
        sb.append(pad).append("</bndbox>\n");
    }

    static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static void el(StringBuilder sb, int depth, String name, String text) {
        sb.append("  ".repeat(depth)).append('<').append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
