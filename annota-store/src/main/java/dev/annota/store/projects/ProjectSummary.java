package dev.annota.store.projects;

import java.time.Instant;
import java.util.Objects;

/** A project in a list: what can be shown without reading its schema or guidelines. */
public record ProjectSummary(String id, String name, long schemaVersion, Instant createdAt, Instant updatedAt) {
    public ProjectSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
