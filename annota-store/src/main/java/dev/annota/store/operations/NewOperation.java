package dev.annota.store.operations;

import dev.annota.core.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/** An operation to queue: its project, kind, parameters (JSON) and who asked for it. */
public record NewOperation(String projectId, String kind, String requestJson, Optional<String> createdBy) {
    public NewOperation {
        if (projectId == null || projectId.isBlank()) {
            throw ValidationException.of("projectId", projectId, "expected a project id");
        }
        if (kind == null || !kind.matches("[a-z][a-z0-9_]{0,39}")) {
            throw ValidationException.of("kind", kind, "expected a lower-case kind name such as export");
        }
        Objects.requireNonNull(requestJson, "requestJson");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
