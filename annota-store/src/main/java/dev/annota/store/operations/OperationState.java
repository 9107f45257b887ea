package dev.annota.store.operations;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.Locale;

/** Where an operation is: waiting for a worker, running, or finished in one of three ways. */
public enum OperationState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    /** The name in the API and the database: {@code queued}, {@code running}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for succeeded, failed and cancelled: nothing changes afterwards. */
    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Parses a wire name; anything else is a {@link ValidationException} on {@code field}. */
    public static OperationState parse(String field, String value) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(value)).findFirst()
                .orElseThrow(() -> ValidationException.of(field, value,
                        "expected one of queued, running, succeeded, failed, cancelled"));
    }
}
