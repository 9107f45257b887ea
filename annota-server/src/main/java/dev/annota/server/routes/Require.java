package dev.annota.server.routes;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;

/** Checks for request records: a required field that is missing is a 400 naming the field. */
public final class Require {
    private Require() {
    }

    /** {@code value}, or a ValidationException saying that {@code field} is required. */
    public static <T> T present(String field, T value, String expected) {
        if (value == null) {
            throw new ValidationException(new FieldError("/" + field, field, null, "required: expected " + expected));
        }
        return value;
    }
}
