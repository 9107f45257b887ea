package dev.annota.app.projects;

import dev.annota.store.projects.Project;
import java.util.Objects;

/**
 * The outcome of a schema edit: the project with its new schema and schema version, and how many annotations
 * on how many images were rewritten (removed or relabelled, each image's set saved as a new version).
 */
public record SchemaEdit(Project project, int annotationsChanged, int imagesChanged) {
    public SchemaEdit {
        Objects.requireNonNull(project, "project");
        if (annotationsChanged < 0 || imagesChanged < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
    }
}
