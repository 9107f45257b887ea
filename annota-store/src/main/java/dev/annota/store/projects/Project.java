package dev.annota.store.projects;

import dev.annota.core.schema.LabelSchema;
import java.time.Instant;
import java.util.Objects;

/**
 * A project as stored: its id, display name, guidelines (Markdown, returned as written; the UI renders them),
 * label schema and the schema's version (incremented by every schema edit, for optimistic concurrency).
 */
public record Project(String id, String name, String guidelines, LabelSchema schema, long schemaVersion,
                      Instant createdAt, Instant updatedAt) {
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(guidelines, "guidelines");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (schemaVersion < 0) {
            throw new IllegalArgumentException("schemaVersion must be >= 0, got " + schemaVersion);
        }
    }

    /** The short form that lists show. */
    public ProjectSummary summary() {
        return new ProjectSummary(id, name, schemaVersion, createdAt, updatedAt);
    }
}
