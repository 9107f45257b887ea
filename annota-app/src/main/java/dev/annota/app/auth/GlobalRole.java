package dev.annota.app.auth;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** A user's role across the server: an admin may do everything; a user only what project roles allow. */
public enum GlobalRole {
    ADMIN, USER;

    /** The name in the API and the database: {@code admin} or {@code user}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; anything else is a {@link ValidationException} on {@code field}. */
    public static GlobalRole parse(String field, String value) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst()
                .orElseThrow(() -> ValidationException.of(field, value, "expected one of admin, user"));
    }
}
