package dev.annota.store.suggestions;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.AnnotationIndex;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.VersionConflict;
import dev.annota.store.json.AnnotationJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Model suggestions, kept apart from the human annotation sets so that pre-labelling never conflicts with an
 * annotator's edits. A model's upload for an image replaces that model's earlier suggestions for the image in
 * one transaction ({@link #put}, or {@link #putAll} for a batch of images in one transaction). Accepting moves
 * suggestions into the image's annotation set through {@link AnnotationSets#save} (same transaction: both
 * happen or neither); rejecting deletes them. Every change refreshes the image's suggestion summary and
 * uncertainty in the {@link AnnotationIndex}.
 *
 * <p><b>Provenance of accepted suggestions.</b> An accepted annotation becomes a human one (its source is the
 * accepting user); it keeps the model's {@code confidence} when accepted unedited (an edited one has none), and
 * the annotation-set version it was saved in has the history source {@code "suggestions of NAME VERSION"}, so
 * the history tells which model proposed what.
 */
public final class Suggestions {
    private static final String COLUMNS = "id, image_id, model_name, model_version, position, annotation_json, created_at";

    private final Jdbi jdbi;
    private final AnnotationSets sets;

    public Suggestions(Database db) {
        this.jdbi = db.jdbi();
        this.sets = new AnnotationSets(db);
    }

    /** What an accept did: the annotation set's new version and the annotations appended to it. */
    public record Accepted(long version, List<Annotation> appended) {
        public Accepted {
            appended = List.copyOf(appended);
        }
    }

    /** Replaces the suggestions of {@code modelName} for {@code imageId} with {@code annotations}; returns them as stored. */
    public List<Suggestion> put(String imageId, String modelName, String modelVersion, List<? extends Annotation> annotations) {
        ModelPredictions p = ModelPredictions.of(imageId, modelName, modelVersion, annotations);
        putAll(List.of(p));
        return list(imageId, 0).stream().filter(s -> s.model().name().equals(modelName)).toList();
    }

    /** Stores every entry of {@code batch} as {@link #put} does, all in ONE transaction (all or nothing). */
    public void putAll(List<ModelPredictions> batch) {
        long now = System.currentTimeMillis();
        try {
            jdbi.useTransaction(h -> {
                for (ModelPredictions p : batch) {
                    replace(h, p, now);
                }
            });
        } catch (UnableToExecuteStatementException e) {
            throw new NotFoundException("the suggestions could not be stored (is every image id an existing image?); nothing was "
                    + "stored: " + rootMessage(e), e);
        }
    }

    private static void replace(Handle h, ModelPredictions p, long now) {
        h.createUpdate("DELETE FROM suggestions WHERE image_id = :i AND model_name = :m")
                .bind("i", p.imageId()).bind("m", p.model().name()).execute();
        if (!p.annotations().isEmpty()) {
            PreparedBatch b = h.prepareBatch("INSERT INTO suggestions (" + COLUMNS + ", confidence) "
                    + "VALUES (:id, :i, :m, :v, :pos, :json, :now, :c)");
            for (int pos = 0; pos < p.annotations().size(); pos++) {
                Annotation a = p.annotations().get(pos);
                b.bind("id", Ids.newId()).bind("i", p.imageId()).bind("m", p.model().name()).bind("v", p.model().version())
                        .bind("pos", pos).bind("json", AnnotationJson.toNode(a).toString()).bind("now", now)
                        .bind("c", a.info().confidence().getAsDouble()).add();
            }
            b.execute();
        }
        AnnotationIndex.refreshSuggestions(h, p.imageId(), now);
    }

    /** The image's suggestions with a confidence of at least {@code minConfidence}, by model name and position. */
    public List<Suggestion> list(String imageId, double minConfidence) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM suggestions WHERE image_id = :i AND confidence >= :min "
                        + "ORDER BY model_name, position")
                .bind("i", imageId).bind("min", minConfidence)
                .map((rs, ctx) -> new Suggestion(rs.getString(1), rs.getString(2), new Source.Model(rs.getString(3), rs.getString(4)),
                        rs.getInt(5), AnnotationJson.read("[" + rs.getString(6) + "]").get(0),
                        Instant.ofEpochMilli(rs.getLong(7))))
                .list());
    }

    /** Deletes these suggestions of the image; returns how many there were. */
    public int reject(String imageId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("DELETE FROM suggestions WHERE image_id = :i AND id IN (<ids>)")
                    .bind("i", imageId).bindList("ids", List.copyOf(ids)).execute();
            AnnotationIndex.refreshSuggestions(h, imageId, System.currentTimeMillis());
            return n;
        });
    }

    /**
     * Appends {@code chosen} (in order; those in {@code edited} replaced by their edited annotation) to the image's
     * annotation set as the version after {@code expectedVersion}, as human annotations of {@code username}, and
     * deletes them from the suggestions — one transaction. Throws {@link VersionConflict} when the set has moved on
     * and {@link ConflictException} when one of them was accepted or rejected meanwhile; then nothing changed.
     */
    public Accepted accept(String imageId, List<Suggestion> chosen, Map<String, Annotation> edited, long expectedVersion,
                           String userId, String username) {
        List<Annotation> appended = new ArrayList<>();
        Set<String> models = new LinkedHashSet<>();
        for (Suggestion s : chosen) {
            Annotation a = edited.getOrDefault(s.id(), s.annotation());
            Annotation human = a.withInfo(a.info().withSource(Source.human(username)));
            appended.add(edited.containsKey(s.id()) ? human.withInfo(human.info().withoutConfidence()) : human);
            models.add(s.model().name() + " " + s.model().version());
        }
        String source = "suggestions of " + String.join(", ", models);
        return jdbi.inTransaction(h -> {
            int removed = chosen.isEmpty() ? 0 : h.createUpdate("DELETE FROM suggestions WHERE image_id = :i AND id IN (<ids>)")
                    .bind("i", imageId).bindList("ids", chosen.stream().map(Suggestion::id).toList()).execute();
            if (removed != chosen.size()) {
                throw new ConflictException("image " + imageId + ": some of these suggestions were accepted or rejected by someone "
                        + "else in the meantime; nothing was changed (list the suggestions again)");
            }
            AnnotationSets.Current current = sets.get(imageId);
            if (current.version() != expectedVersion) {
                throw new VersionConflict(imageId, expectedVersion, current);
            }
            List<Annotation> next = new ArrayList<>(current.annotations());
            next.addAll(appended);
            long version = sets.save(imageId, expectedVersion, next, Optional.of(userId), source);
            AnnotationIndex.refreshSuggestions(h, imageId, System.currentTimeMillis());
            return new Accepted(version, appended);
        });
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage();
    }
}
