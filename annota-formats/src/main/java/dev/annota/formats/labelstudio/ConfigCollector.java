package dev.annota.formats.labelstudio;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the controls and per-region attributes the writer used, and renders the matching
 * {@code label_config.xml}, so the export can be imported into a Label Studio project as it is. Every labels
 * control lists every class of the schema in id order, and an image-level {@code Choices} control named
 * {@value #CHOICE} is always present, so the classes (and their order) survive even when unused.
 */
final class ConfigCollector {
    static final String CHOICE = "choice";

    private record Control(String tag, String name) {
    }

    private final Map<Control, Set<String>> controls = new LinkedHashMap<>();
    private final Map<String, Control> attributes = new LinkedHashMap<>();
    private final Map<String, Set<String>> attributeValues = new LinkedHashMap<>();

    void label(String tag, String name, String label) {
        controls.computeIfAbsent(new Control(tag, name), k -> new LinkedHashSet<>()).add(label);
    }

    void attribute(String name, String tag, String value) {
        attributes.putIfAbsent(name, new Control(tag, name));
        Set<String> values = attributeValues.computeIfAbsent(name, k -> new LinkedHashSet<>());
        if (value != null) {
            values.add(value);
        }
    }

    String xml(List<String> classes) {
        controls.putIfAbsent(new Control("Choices", CHOICE), new LinkedHashSet<>());
        StringBuilder sb = new StringBuilder("<View>\n  <Image name=\"" + ResultWriter.TO_NAME + "\" value=\"$image\"/>\n");
        controls.forEach((c, labels) -> {
            boolean choices = c.tag().equals("Choices");
            sb.append("  <").append(c.tag()).append(" name=\"").append(esc(c.name())).append("\" toName=\"")
                    .append(ResultWriter.TO_NAME).append('"').append(choices ? " choice=\"multiple\"" : "").append(">\n");
            for (String l : classes) {
                sb.append("    <").append(choices ? "Choice" : "Label").append(" value=\"").append(esc(l)).append("\"/>\n");
            }
            sb.append("  </").append(c.tag()).append(">\n");
        });
        attributes.forEach((name, c) -> {
            sb.append("  <").append(c.tag()).append(" name=\"").append(esc(name)).append("\" toName=\"")
                    .append(ResultWriter.TO_NAME).append("\" perRegion=\"true\"");
            if (c.tag().equals("Choices")) {
                sb.append(" choice=\"multiple\">\n");
                for (String v : attributeValues.get(name)) {
                    sb.append("    <Choice value=\"").append(esc(v)).append("\"/>\n");
                }
                sb.append("  </Choices>\n");
            } else {
                sb.append("/>\n");
            }
        });
        return sb.append("</View>\n").toString();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
