package dev.annota.app.auth;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/**
 * A member's role in one project: managers manage the project (schema, members, import, export, assignment),
 * annotators annotate, reviewers review.
 */
public enum ProjectRole {
    MANAGER, ANNOTATOR, REVIEWER;

    /** The name in the API and the database: {@code manager}, {@code annotator} or {@code reviewer}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; anything else is a {@link ValidationException} on {@code field}. */
    public static ProjectRole parse(String field, String value) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(value)).findFirst()
                .orElseThrow(() -> ValidationException.of(field, value, "expected one of manager, annotator, reviewer"));
    }
}
