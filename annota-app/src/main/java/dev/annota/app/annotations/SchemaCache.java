package dev.annota.app.annotations;

import dev.annota.core.error.NotFoundException;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed label schemas of projects, kept by (project, schema version): every save of a schema raises its version,
 * so a schema read with the version it is stored under is current for as long as the database has that version.
 * Asking for a schema then costs one small read of the version instead of reading and parsing the schema JSON.
 */
final class SchemaCache {
    private static final int MAX_PROJECTS = 1_000;

    private record Entry(long version, LabelSchema schema) {
    }

    private final Projects projects;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    SchemaCache(Projects projects) {
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    /** The project's current schema; a {@link NotFoundException} for an unknown project. */
    LabelSchema current(String projectId) {
        long version = projects.schemaVersion(projectId).orElseThrow(() -> notFound(projectId));
        Entry e = entries.get(projectId);
        if (e != null && e.version() == version) {
            return e.schema();
        }
        Project p = projects.get(projectId);
        if (entries.size() >= MAX_PROJECTS) {
            entries.clear();
        }
        entries.merge(projectId, new Entry(p.schemaVersion(), p.schema()), (old, now) -> now.version() >= old.version() ? now : old);
        return p.schema();
    }

    private static NotFoundException notFound(String projectId) {
        return new NotFoundException("project " + projectId + ": no such project");
    }
}
