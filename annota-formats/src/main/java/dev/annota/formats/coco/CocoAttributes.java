package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.schema.AttributeValue;
import dev.annota.formats.json.JsonObjectFields;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Converts the {@code attributes} object that CVAT and Datumaro write into COCO records, both ways. */
final class CocoAttributes {
    /** COCO's crowd flag travels as this attribute inside Annota. */
    static final String ISCROWD = "iscrowd";
    /** The occluded flag is a field of AnnotationInfo inside Annota and an attribute in COCO files. */
    static final String OCCLUDED = "occluded";

    private CocoAttributes() {
    }

    /** The attributes of {@code object}; a value of an unsupported type is reported and skipped. */
    static Map<String, AttributeValue> read(JsonObjectFields f, java.util.function.Consumer<dev.annota.core.error.FieldError> warn) {
        Map<String, AttributeValue> out = new TreeMap<>();
        JsonNode attrs = f.node().get("attributes");
        if (attrs == null || attrs.isNull()) {
            return out;
        }
        if (!attrs.isObject()) {
            warn.accept(f.error("attributes", attrs, "expected an object of attribute values; ignored"));
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = attrs.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String name = e.getKey();
            if (name.isBlank()) {
                warn.accept(f.error("attributes", attrs, "expected non-blank attribute names; ignored"));
            } else if (v.isBoolean()) {
                out.put(name, AttributeValue.of(v.asBoolean()));
            } else if (v.isNumber() && Double.isFinite(v.asDouble())) {
                out.put(name, AttributeValue.of(v.asDouble()));
            } else if (v.isTextual()) {
                out.put(name, AttributeValue.of(v.asText()));
            } else if (v.isArray() && allText(v)) {
                List<String> choices = new ArrayList<>();
                v.forEach(x -> choices.add(x.asText()));
                out.put(name, AttributeValue.ofChoices(choices));
            } else {
                warn.accept(f.error("attributes." + name, v, "expected a boolean, number, string or list of strings; ignored"));
            }
        }
        return out;
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode x : array) {
            if (!x.isTextual()) {
                return false;
            }
        }
        return true;
    }

    /** Writes {@code attributes} into {@code target.attributes} (nothing when empty). */
    static void write(Map<String, AttributeValue> attributes, boolean occluded, ObjectNode target) {
        ObjectNode out = target.objectNode();
        attributes.forEach((name, value) -> {
            if (name.equals(ISCROWD)) {
                return;
            }
            if (value instanceof AttributeValue.Flag fl) {
                out.put(name, fl.value());
            } else if (value instanceof AttributeValue.Numeric n) {
                putNumber(out, name, n.value());
            } else if (value instanceof AttributeValue.Text t) {
                out.put(name, t.value());
            } else if (value instanceof AttributeValue.Choices c) {
                c.values().forEach(out.putArray(name)::add);
            }
        });
        if (occluded) {
            out.put(OCCLUDED, true);
        }
        if (!out.isEmpty()) {
            target.set("attributes", out);
        }
    }

    static void putNumber(ObjectNode o, String name, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            o.put(name, (long) v);
        } else {
            o.put(name, v);
        }
    }
}
