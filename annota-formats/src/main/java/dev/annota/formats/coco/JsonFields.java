package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Typed access to the fields of one JSON object, with errors that name the location (file, line, JSON
 * pointer), the field and the bad value. Shared by the COCO family of formats (instances, panoptic, results).
 */
public final class JsonFields {
    private final JsonNode node;
    private final String location;

    public JsonFields(JsonNode node, String location) {
        this.node = node;
        this.location = location;
    }

    public String location() {
        return location;
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String field) {
        JsonNode v = node.get(field);
        return v != null && !v.isNull();
    }

    public FieldError error(String field, JsonNode value, String expected) {
        return new FieldError(location, field, value == null ? null : shorten(value.toString()), expected);
    }

    public ValidationException fail(String field, JsonNode value, String expected) {
        return new ValidationException(error(field, value, expected));
    }

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

    public OptionalLong optionalLong(String field) {
        return has(field) ? OptionalLong.of(requireLong(field)) : OptionalLong.empty();
    }

    public OptionalDouble optionalDouble(String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return OptionalDouble.empty();
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fail(field, v, "expected a finite number");
        }
        return OptionalDouble.of(v.asDouble());
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
        return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
    }

    /** A JSON array of finite numbers, of exactly {@code length} entries when {@code length >= 0}. */
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

    private static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
