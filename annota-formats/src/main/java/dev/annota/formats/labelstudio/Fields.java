package dev.annota.formats.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Typed access to one JSON object of a Label Studio export, with errors naming the location (file, line of the
 * task, JSON pointer), the field and the bad value.
 */
final class Fields {
    private final JsonNode node;
    private final String location;

    Fields(JsonNode node, String location) {
        this.node = node;
        this.location = location;
    }

    String location() {
        return location;
    }

    JsonNode node() {
        return node;
    }

    JsonNode get(String field) {
        return node.get(field);
    }

    boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    /** The object under {@code field}, located at {@code location/field}. */
    Fields object(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw fail(field, v, "expected a JSON object");
        }
        return new Fields(v, location + "/" + field);
    }

    FieldError error(String field, JsonNode value, String expected) {
        return new FieldError(location, field, value == null || value.isNull() ? null : shorten(value.toString()), expected);
    }

    ValidationException fail(String field, JsonNode value, String expected) {
        return new ValidationException(error(field, value, expected));
    }

    double requireNumber(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(field, v, "expected a finite number");
        }
        return v.asDouble();
    }

    OptionalDouble optionalNumber(String field) {
        return has(field) ? OptionalDouble.of(requireNumber(field)) : OptionalDouble.empty();
    }

    /** A non-negative finite number. */
    double requireSize(String field) {
        double v = requireNumber(field);
        if (v < 0) {
            throw fail(field, node.get(field), "expected a non-negative number");
        }
        return v;
    }

    /** A positive integer that fits an int (an image side). */
    Optional<Integer> optionalSide(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber() || v.asDouble() != Math.rint(v.asDouble()) || v.asDouble() < 1 || v.asDouble() > Integer.MAX_VALUE) {
            throw fail(field, v, "expected a positive whole number of pixels");
        }
        return Optional.of(v.asInt());
    }

    String requireText(String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw fail(field, v, "expected a non-empty string");
        }
        return v.asText();
    }

    Optional<String> optionalText(String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** The array under {@code field}; an empty array when the field is absent or null. */
    JsonNode optionalArray(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw fail(field, v, "expected an array");
        }
        return v;
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
