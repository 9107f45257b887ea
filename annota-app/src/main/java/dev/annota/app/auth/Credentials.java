package dev.annota.app.auth;

import dev.annota.core.error.ValidationException;
import java.util.regex.Pattern;

/** The rules for user names and passwords. */
public final class Credentials {
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int MIN_PASSWORD = 8;
    public static final int MAX_PASSWORD = 256;

    private Credentials() {
    }

    /** 1 to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit. */
    public static String username(String field, String value) {
        if (value == null || !USERNAME.matcher(value).matches()) {
            throw ValidationException.of(field, value,
                    "expected 1 to 64 letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
        return value;
    }

    /** 8 to 256 characters. */
    public static String password(String field, String value) {
        if (value == null || value.length() < MIN_PASSWORD || value.length() > MAX_PASSWORD) {
            // never echo a password back
            throw ValidationException.of(field, value == null ? null : "(" + value.length() + " characters)",
                    "expected a password of " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        return value;
    }
}
