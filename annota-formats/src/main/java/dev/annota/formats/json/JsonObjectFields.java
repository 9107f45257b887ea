package dev.annota.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed access to one JSON object of a dataset file, with errors naming the location (file, line, JSON pointer),
 * the field and the bad value. Shared by the JSON formats (Label Studio, LabelMe).
 */
public final class JsonObjectFields {
    private final JsonNode node;
    private final String location;

    public JsonObjectFields(JsonNode node, String location) {
        this.node = node;
        this.location = location;
    }

    public String location() {
        return location;
    }

    public JsonNode node() {
        return node;
    }

    public JsonNode get(String field) {
        return node.get(field);
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The object under {@code field}, located at {@code location/field}. */
    public JsonObjectFields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw fail(field, v, "expected a JSON object");
        }
        return new JsonObjectFields(v, location + "/" + field);
    }

    public FieldError error(String field, JsonNode value, String expected) {
        return new FieldError(location, field, value == null || value.isNull() ? null : shorten(value.toString()), expected);
    }

    public ValidationException fail(String field, JsonNode value, String expected) {
        return new ValidationException(error(field, value, expected));
    }

    public double requireNumber(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(field, v, "expected a finite number");
        }
        return v.asDouble();
    }

    public OptionalDouble optionalNumber(String field) {
        return has(field) ? OptionalDouble.of(requireNumber(field)) : OptionalDouble.empty();
    }

    /** A non-negative finite number. */
    public double requireSize(String field) {
        double v = requireNumber(field);
        if (v < 0) {
            throw fail(field, node.get(field), "expected a non-negative number");
        }
        return v;
    }

    /** A positive integer that fits an int (an image side). */
    public Optional<Integer> optionalSide(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || v.asDouble() < 1 || v.asDouble() > Integer.MAX_VALUE) {
            throw fail(field, v, "expected a positive whole number of pixels");
        }
        return Optional.of(v.asInt());
    }

    public String requireText(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw fail(field, v, "expected a non-empty string");
        }
        return v.asText();
    }

    public Optional<String> optionalText(String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** The array under {@code field}; an empty array when the field is absent or null. */
    public JsonNode optionalArray(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw fail(field, v, "expected an array");
        }
        return v;
    }

    public static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
