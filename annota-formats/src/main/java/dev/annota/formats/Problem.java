package dev.annota.formats;

import dev.annota.core.error.FieldError;
import java.util.Objects;

/** One problem an importer or exporter found, with its severity. */
public record Problem(Severity severity, FieldError error) {
    /** How bad a problem is. */
    public enum Severity {
        /** The input was read, but something in it is odd or was adjusted (a quirk). */
        WARNING,
        /** Part of the input could not be read and was skipped. */
        ERROR
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(error, "error");
    }

    public String message() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + error.message();
    }
}
