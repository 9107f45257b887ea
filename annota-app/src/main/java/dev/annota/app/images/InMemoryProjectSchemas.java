package dev.annota.app.images;

import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ProjectSchemas} held in memory: for tests, and until the projects part provides the stored ones. */
public final class InMemoryProjectSchemas implements ProjectSchemas {
    private final Map<String, LabelSchema> schemas = new ConcurrentHashMap<>();

    @Override
    public LabelSchema get(String projectId) {
        return schemas.getOrDefault(projectId, LabelSchema.empty());
    }

    /** Sets a project's schema. */
    public void put(String projectId, LabelSchema schema) {
        schemas.put(projectId, schema);
    }

    @Override
    public LabelSchema mergeLabels(String projectId, LabelSchema incoming) {
        return schemas.compute(projectId, (id, current) -> merge(current == null ? LabelSchema.empty() : current, incoming));
    }

    /** {@code current} with the classes of {@code incoming} whose names it lacks, under new ids. */
    public static LabelSchema merge(LabelSchema current, LabelSchema incoming) {
        LabelSchema.Builder b = current.toBuilder();
        for (LabelClass c : incoming.classes()) {
            if (b.byName(c.name()).isEmpty()) {
                b.add(c.name(), fresh -> new LabelClass(fresh.id(), c.name(), c.colour(), c.kinds(), c.attributes(), c.skeleton()));
            }
        }
        return b.build();
    }
}
