package dev.annota.core.error;

import java.util.Objects;

/**
 * One problem with one value: where it is (a file, line or JSON pointer; may be empty), which field, the bad
 * value as the user wrote it, and what was expected.
 *
 * <p>Rendered as {@code location: field 'name': expected ..., got "value"}, the one shape every error
 * message in Annota takes.
 */
public record FieldError(String location, String field, String value, String expected) {
    public FieldError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(expected, "expected");
    }

    public static FieldError of(String field, Object value, String expected) {
        return new FieldError("", field, value == null ? null : String.valueOf(value), expected);
    }

    /** The same error, located in {@code where} (prefixed to any location it already had). */
    public FieldError at(String where) {
        String loc = location.isEmpty() ? where : where + location;
        return new FieldError(loc, field, value, expected);
    }

    public String message() {
        StringBuilder sb = new StringBuilder();
        if (!location.isEmpty()) {
            sb.append(location).append(": ");
        }
        sb.append("field '").append(field).append("': ").append(expected);
        sb.append(", got ").append(value == null ? "nothing" : '"' + value + '"');
        return sb.toString();
    }

    @Override
    public String toString() {
        return message();
    }
}
