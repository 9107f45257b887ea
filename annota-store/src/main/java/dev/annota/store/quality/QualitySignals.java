package dev.annota.store.quality;

import dev.annota.store.Database;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads, per project, what label-error detection and active learning work on: the classes of each image's current
 * annotation set (the annotation index, {@code image_labels}) and the confidences of the model suggestions of the
 * images that have no annotation yet ({@code suggestions}).
 */
public final class QualitySignals {
    private final Jdbi jdbi;

    public QualitySignals(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Image id → the label ids present in its current annotation set (sorted), for the project's annotated images, by id. */
    public Map<String, int[]> labelsByImage(String projectId) {
        Map<String, List<Integer>> rows = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT l.image_id, l.label_id FROM image_labels l JOIN images i ON i.id = l.image_id "
                        + "WHERE i.project_id = :p AND l.annotation_count > 0 ORDER BY l.image_id, l.label_id")
                .bind("p", projectId)
                .map((rs, ctx) -> {
                    rows.computeIfAbsent(rs.getString("image_id"), k -> new ArrayList<>()).add(rs.getInt("label_id"));
                    return 0;
                }).list());
        Map<String, int[]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    /**
     * Image id → the confidences of its suggestions (largest first), for the project's images that have suggestions
     * and an empty or no annotation set, by id.
     */
    public Map<String, double[]> unlabelledConfidences(String projectId) {
        Map<String, List<Double>> rows = new LinkedHashMap<>();
        jdbi.useHandle(h -> h.createQuery("SELECT s.image_id, s.confidence FROM suggestions s JOIN images i ON i.id = s.image_id "
                        + "WHERE i.project_id = :p AND NOT EXISTS (SELECT 1 FROM image_annotation_stats a "
                        + "WHERE a.image_id = s.image_id AND a.annotation_count > 0) ORDER BY s.image_id, s.confidence DESC")
                .bind("p", projectId)
                .map((rs, ctx) -> {
                    rows.computeIfAbsent(rs.getString("image_id"), k -> new ArrayList<>()).add(rs.getDouble("confidence"));
                    return 0;
                }).list());
        Map<String, double[]> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    /** The ids of the project's images, oldest first. */
    public List<String> imageIds(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM images WHERE project_id = :p ORDER BY created_at, id")
                .bind("p", projectId).mapTo(String.class).list());
    }
}
