package dev.annota.store.quality;

import dev.annota.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** The {@code consensus_results} table: one row per image, replaced by each new consensus of the image. */
public final class ConsensusResults {
    private static final String COLUMNS = "c.image_id, c.project_id, i.file_name, c.annotation_version, c.annotators, "
            + "c.agreement, c.disagreements, c.needs_review, c.details_json, c.computed_at, c.computed_by";
    private final Jdbi jdbi;

    public ConsensusResults(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Writes (or replaces) the image's row. */
    public void save(ConsensusRecord r) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM consensus_results WHERE image_id = :i").bind("i", r.imageId()).execute();
            h.createUpdate("INSERT INTO consensus_results (image_id, project_id, annotation_version, annotators, agreement, "
                            + "disagreements, needs_review, details_json, computed_at, computed_by) VALUES (:i, :p, :v, :n, "
                            + ":a, :d, :r, :j, :t, :by)")
                    .bind("i", r.imageId()).bind("p", r.projectId()).bind("v", r.annotationVersion())
                    .bind("n", r.annotators()).bind("a", r.agreement()).bind("d", r.disagreements())
                    .bind("r", r.needsReview() ? 1 : 0).bind("j", r.detailsJson())
                    .bind("t", r.computedAt().toEpochMilli()).bind("by", r.computedBy().orElse(null))
                    .execute();
        });
    }

    public Optional<ConsensusRecord> get(String imageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM consensus_results c "
                        + "JOIN images i ON i.id = c.image_id WHERE c.image_id = :i")
                .bind("i", imageId).map((rs, ctx) -> row(rs)).findOne());
    }

    /** The images whose disagreements wait for review, least agreement first (at most {@code limit}). */
    public List<ConsensusRecord> awaitingReview(String projectId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM consensus_results c "
                        + "JOIN images i ON i.id = c.image_id WHERE c.project_id = :p AND c.needs_review = 1 "
                        + "ORDER BY c.agreement, c.image_id LIMIT :limit")
                .bind("p", projectId).bind("limit", limit).map((rs, ctx) -> row(rs)).list());
    }

    /** Marks the image's disagreements as reviewed; false when it has no consensus row. */
    public boolean resolve(String imageId) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE consensus_results SET needs_review = 0 WHERE image_id = :i")
                .bind("i", imageId).execute()) == 1;
    }

    private static ConsensusRecord row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new ConsensusRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getInt(5),
                rs.getDouble(6), rs.getInt(7), rs.getInt(8) == 1, rs.getString(9), Instant.ofEpochMilli(rs.getLong(10)),
                Optional.ofNullable(rs.getString(11)));
    }
}
