package dev.annota.store.projects;

import dev.annota.core.error.ConflictException;

/**
 * A schema edit based on a stale schema version: somebody changed the schema in between. Carries the current
 * project (its schema and version), so the caller can show it and redo the edit; nothing was written.
 */
public final class SchemaVersionConflict extends ConflictException {
    private final Project current;
    private final long expected;

    public SchemaVersionConflict(Project current, long expected) {
        super("project \"" + current.name() + "\": the label schema was changed by someone else in the meantime (you edited "
                + "version " + expected + ", the current version is " + current.schemaVersion() + "); nothing was changed");
        this.current = current;
        this.expected = expected;
    }

    public Project current() {
        return current;
    }

    public long currentVersion() {
        return current.schemaVersion();
    }

    public long expected() {
        return expected;
    }
}
