package dev.annota.formats.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Typed access to one JSON object of a dataset file, with errors naming the location (file, line, JSON pointer),
 * the field and the bad value. Shared by the JSON formats (Label Studio, LabelMe, and the COCO family:
 * instances, panoptic, results).
 */
public final class JsonObjectFields {
    /** How an error shows a value that is JSON {@code null}. */
    public enum NullValue {
        /** As no value at all: {@code got nothing} (Label Studio, LabelMe). */
        MISSING,
        /** As the text {@code null}: {@code got "null"} (the COCO family). */
        TEXT
    }

    private final JsonNode node;
    private final String location;
    private final NullValue nulls;

    /** The fields of {@code node}; an error shows a JSON {@code null} value as no value. */
    public JsonObjectFields(JsonNode node, String location) {
        this(node, location, NullValue.MISSING);
    }

    /** The fields of {@code node}; an error shows a JSON {@code null} value as {@code nulls} says. */
    public JsonObjectFields(JsonNode node, String location, NullValue nulls) {
        this.node = node;
        this.location = location;
        this.nulls = nulls;
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
        return new JsonObjectFields(v, location + "/" + field, nulls);
    }

    public FieldError error(String field, JsonNode value, String expected) {
        boolean none = value == null || (value.isNull() && nulls == NullValue.MISSING);
        return new FieldError(location, field, none ? null : shorten(value.toString()), expected);
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

    /** A finite number; empty when the field is absent or null. */
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

    /** An integer, written as one or as a number with no fraction ({@code 3.0}). */
    public long requireLong(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw fail(field, null, "expected an integer");
        }
        if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
            throw fail(field, v, "expected an integer");
        }
        return v.asLong();
    }

    /** An integer as {@link #requireLong}; empty when the field is absent or null. */
    public OptionalLong optionalLong(String field) {
        return has(field) ? OptionalLong.of(requireLong(field)) : OptionalLong.empty();
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
            return JsonNodeFactory.instance.arrayNode();
        }
        if (!v.isArray()) {
            throw fail(field, v, "expected an array");
        }
        return v;
    }

    /**
     * {@code v} (the value of {@code field}, or an element of it) as a JSON array of finite numbers, of exactly
     * {@code length} entries when {@code length >= 0}; a bad element is reported as {@code field[i]}.
     */
    public double[] numbers(String field, JsonNode v, int length) {
        if (v == null || !v.isArray() || (length >= 0 && v.size() != length)) {
            throw fail(field, v, length >= 0 ? "expected an array of " + length + " numbers" : "expected an array of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode e = v.get(i);
            if (!e.isNumber() || !Double.isFinite(e.asDouble())) {
                throw fail(field + "[" + i + "]", e, "expected a finite number");
            }
            out[i] = e.asDouble();
        }
        return out;
    }

    public static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
