package dev.annota.store;

import dev.annota.core.annotation.Annotation;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.suggestions.Uncertainty;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The annotation index: what the image listing filters and sorts on, kept in step with the data it
 * summarises by being written on the same {@link Handle}, inside the transaction that changes that data.
 *
 * <ul>
 *   <li>{@code image_annotation_stats}: per image, its current number of annotations and last author;
 *   <li>{@code image_labels}: per image, the classes present and how many annotations of each;
 *   <li>{@code image_annotators}: every user who saved a version of the image's set;
 *   <li>{@code image_suggestion_stats}: per image with model suggestions, their count and confidence range;
 *   <li>{@code image_scores}: named per-image scores, today {@link Uncertainty#SCORE_NAME}.
 * </ul>
 *
 * <p>A save writes only what changed: one upsert of the image's stats and of its author, and the class counts
 * that differ from the stored ones (read first: usually none do).
 *
 * <p>{@link AnnotationSets#save} (and so restore and imports) calls {@link #recordSave}; the suggestion store
 * calls {@link #refreshSuggestions}. Sets saved before this index existed are indexed by {@link #rebuildMissing}.
 */
public final class AnnotationIndex {
    private static final int PAGE = 500;

    private AnnotationIndex() {
    }

    /** Indexes a newly saved set of {@code imageId}; called inside the save's transaction. */
    public static void recordSave(Handle h, String imageId, List<? extends Annotation> annotations, Optional<String> author,
                                  long now) {
        indexSet(h, imageId, annotations, author, now);
        author.ifPresent(user -> Jdbc.update(h, "INSERT INTO image_annotators (image_id, user_id, saves, last_at) VALUES (?, ?, 1, ?) "
                + "ON CONFLICT (image_id, user_id) DO UPDATE SET saves = image_annotators.saves + 1, last_at = excluded.last_at", imageId, user, now));
    }

    private static void indexSet(Handle h, String imageId, List<? extends Annotation> annotations, Optional<String> author,
                                 long now) {
        Jdbc.update(h, "INSERT INTO image_annotation_stats (image_id, annotation_count, last_author, updated_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (image_id) DO UPDATE SET annotation_count = excluded.annotation_count, last_author = excluded.last_author, "
                + "updated_at = excluded.updated_at", imageId, annotations.size(), author.orElse(null), now);
        Map<Integer, Integer> wanted = new TreeMap<>();
        annotations.forEach(a -> wanted.merge(a.label().value(), 1, Integer::sum));
        Map<Integer, Integer> stored = new HashMap<>();
        Jdbc.query(h, "SELECT label_id, annotation_count FROM image_labels WHERE image_id = ?",
                rs -> stored.put(rs.getInt(1), rs.getInt(2)), imageId);
        List<Integer> gone = stored.keySet().stream().filter(l -> !wanted.containsKey(l)).sorted().toList();
        if (!gone.isEmpty()) {
            PreparedBatch b = h.prepareBatch("DELETE FROM image_labels WHERE image_id = :i AND label_id = :l");
            gone.forEach(label -> b.bind("i", imageId).bind("l", label).add());
            b.execute();
        }
        Map<Integer, Integer> changed = new TreeMap<>(wanted);
        changed.entrySet().removeIf(e -> e.getValue().equals(stored.get(e.getKey())));
        if (!changed.isEmpty()) {
            PreparedBatch b = h.prepareBatch("INSERT INTO image_labels (image_id, label_id, annotation_count) VALUES (:i, :l, :n) "
                    + "ON CONFLICT (image_id, label_id) DO UPDATE SET annotation_count = excluded.annotation_count");
            changed.forEach((label, n) -> b.bind("i", imageId).bind("l", label).bind("n", n).add());
            b.execute();
        }
    }

    /** Recomputes the suggestion summary and uncertainty of {@code imageId} from its suggestions. */
    public static void refreshSuggestions(Handle h, String imageId, long now) {
        List<Double> confidences = h.createQuery("SELECT confidence FROM suggestions WHERE image_id = :i")
                .bind("i", imageId).mapTo(Double.class).list();
        h.createUpdate("DELETE FROM image_suggestion_stats WHERE image_id = :i").bind("i", imageId).execute();
        h.createUpdate("DELETE FROM image_scores WHERE image_id = :i AND score_name = :s")
                .bind("i", imageId).bind("s", Uncertainty.SCORE_NAME).execute();
        OptionalDouble uncertainty = Uncertainty.ofImage(confidences);
        if (uncertainty.isEmpty()) {
            return;
        }
        double min = confidences.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = confidences.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        h.createUpdate("INSERT INTO image_suggestion_stats (image_id, suggestion_count, min_confidence, max_confidence, updated_at) "
                        + "VALUES (:i, :n, :min, :max, :now)")
                .bind("i", imageId).bind("n", confidences.size()).bind("min", min).bind("max", max).bind("now", now).execute();
        h.createUpdate("INSERT INTO image_scores (image_id, project_id, score_name, score_value, updated_at) "
                        + "SELECT id, project_id, :s, :v, :now FROM images WHERE id = :i")
                .bind("i", imageId).bind("s", Uncertainty.SCORE_NAME).bind("v", uncertainty.getAsDouble()).bind("now", now).execute();
    }

    /**
     * Indexes every annotation set that has no index row yet (sets saved before migration V7), a page at a
     * time, each page in one transaction; returns how many were indexed. Cheap when there are none: one
     * indexed query. Authors of those sets were already filled from the history by the migration.
     */
    public static int rebuildMissing(Database db) {
        int total = 0;
        while (true) {
            int done = db.jdbi().inTransaction(h -> {
                List<String[]> page = h.createQuery("SELECT s.image_id, s.annotations_json, s.updated_by FROM annotation_sets s "
                                + "WHERE NOT EXISTS (SELECT 1 FROM image_annotation_stats x WHERE x.image_id = s.image_id) "
                                + "ORDER BY s.image_id LIMIT " + PAGE)
                        .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
                long now = System.currentTimeMillis();
                for (String[] row : page) {
                    indexSet(h, row[0], AnnotationJson.read(row[1]), Optional.ofNullable(row[2]), now);
                }
                return page.size();
            });
            total += done;
            if (done < PAGE) {
                return total;
            }
        }
    }
}
