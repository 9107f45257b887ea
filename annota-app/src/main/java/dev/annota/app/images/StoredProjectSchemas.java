package dev.annota.app.images;

import dev.annota.core.schema.LabelSchema;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import dev.annota.store.projects.SchemaVersionConflict;
import java.util.Objects;

/**
 * {@link ProjectSchemas} over the stored projects: a merge saves the project's schema as a new schema version
 * (optimistic, like every schema edit), retrying on top of a concurrent edit. Nothing is saved when the
 * incoming classes are all known already. An unknown project is a {@code NotFoundException}.
 */
public final class StoredProjectSchemas implements ProjectSchemas {
    private static final int ATTEMPTS = 5;

    private final Projects projects;

    public StoredProjectSchemas(Projects projects) {
        this.projects = Objects.requireNonNull(projects, "projects");
    }

    @Override
    public LabelSchema get(String projectId) {
        return projects.get(projectId).schema();
    }

    @Override
    public LabelSchema mergeLabels(String projectId, LabelSchema incoming) {
        for (int attempt = 1; ; attempt++) {
            Project current = projects.get(projectId);
            LabelSchema merged = InMemoryProjectSchemas.merge(current.schema(), incoming);
            if (merged.classes().size() == current.schema().classes().size()) {
                return current.schema();
            }
            try {
                return projects.saveSchema(projectId, current.schemaVersion(), merged).schema();
            } catch (SchemaVersionConflict e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
