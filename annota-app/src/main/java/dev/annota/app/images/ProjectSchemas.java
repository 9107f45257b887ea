package dev.annota.app.images;

import dev.annota.core.schema.LabelSchema;

/**
 * The label schemas of projects, as the import needs them. Implemented by the projects part over its own
 * storage; {@link InMemoryProjectSchemas} serves tests and the demo.
 */
public interface ProjectSchemas {
    /** The project's current schema. */
    LabelSchema get(String projectId);

    /**
     * Adds every class of {@code incoming} whose {@link dev.annota.core.schema.Names#normalise normalised}
     * name the project does not have yet (new ids, the incoming class's kinds, colour and attributes), keeps
     * existing classes as they are, saves and returns the merged schema.
     */
    LabelSchema mergeLabels(String projectId, LabelSchema incoming);
}
