package dev.annota.store.models;

import dev.annota.core.annotation.Source;
import dev.annota.store.Database;
import dev.annota.store.images.ImageCondition;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Which images a model version has already run on ({@code model_runs}). Pre-labelling marks each batch right
 * after storing its suggestions; a resumed job skips what {@link #done} returns. Marking is idempotent, and a
 * crash between the suggestions and the mark only makes a resumed job run those images again, which replaces
 * their suggestions (never duplicates them).
 */
public final class ModelRuns {
    private final Jdbi jdbi;

    public ModelRuns(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Records that {@code model} ran on these images (one transaction). */
    public void markDone(Collection<String> imageIds, Source.Model model) {
        if (imageIds.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<String> ids = List.copyOf(new HashSet<>(imageIds));
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM model_runs WHERE model_name = :n AND model_version = :v AND image_id IN (<ids>)")
                    .bind("n", model.name()).bind("v", model.version()).bindList("ids", ids).execute();
            PreparedBatch b = h.prepareBatch("INSERT INTO model_runs (image_id, model_name, model_version, done_at) VALUES (:i, :n, :v, :t)");
            for (String id : ids) {
                b.bind("i", id).bind("n", model.name()).bind("v", model.version()).bind("t", now).add();
            }
            b.execute();
        });
    }

    /**
     * A listing condition: images that {@code model} has not run on yet (no mark and no suggestions of this name
     * and version).
     */
    public static ImageCondition notDone(Source.Model model) {
        return params -> {
            String n = params.bind(model.name());
            String v = params.bind(model.version());
            return "NOT EXISTS (SELECT 1 FROM model_runs r WHERE r.image_id = i.id AND r.model_name = " + n + " AND r.model_version = "
                    + v + ") AND NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.image_id = i.id AND s.model_name = " + n
                    + " AND s.model_version = " + v + ")";
        };
    }

    /**
     * The images of the project that {@code model} already ran on: marked in {@code model_runs}, or holding
     * suggestions of this model name and version.
     */
    public Set<String> done(String projectId, Source.Model model) {
        return jdbi.withHandle(h -> new HashSet<>(h.createQuery("SELECT r.image_id FROM model_runs r JOIN images i ON i.id = r.image_id "
                        + "WHERE i.project_id = :p AND r.model_name = :n AND r.model_version = :v "
                        + "UNION SELECT s.image_id FROM suggestions s JOIN images i ON i.id = s.image_id "
                        + "WHERE i.project_id = :p AND s.model_name = :n AND s.model_version = :v")
                .bind("p", projectId).bind("n", model.name()).bind("v", model.version()).mapTo(String.class).list()));
    }
}
