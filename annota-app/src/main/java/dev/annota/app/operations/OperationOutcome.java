package dev.annota.app.operations;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a task made.
 *
 * @param resultFile a file inside the task's {@link OperationWork#folder()}, moved to the operation's result
 *                   place when the operation succeeds (empty for operations without a file)
 * @param reportJson the result's report as a JSON document (what was written, what the format could not hold...)
 * @param message    one line for people, e.g. {@code "12 images written as coco"}
 */
public record OperationOutcome(Optional<Path> resultFile, String reportJson, String message) {
    public OperationOutcome {
        Objects.requireNonNull(resultFile, "resultFile");
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(message, "message");
    }
}
