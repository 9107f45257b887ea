package dev.annota.store.workflow;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.json.AnnotationJson;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The annotation set of each job of a task with overlap &gt; 1, versioned with the same rules as
 * {@link AnnotationSets}: every save names the version it was based on (0: never saved), a stale one fails with
 * {@link JobVersionConflict} carrying the current state, and every version is kept in the history.
 *
 * <p>Tasks with overlap 1 do not use this table: their one job's annotations are the image's
 * {@link AnnotationSets} (the use case layer routes by overlap).
 */
public final class JobAnnotations {
    private final Jdbi jdbi;

    public JobAnnotations(Database db) {
        this.jdbi = db.jdbi();
    }

    public AnnotationSets.Current get(String jobId) {
        return jdbi.withHandle(h -> current(h, jobId));
    }

    private static AnnotationSets.Current current(Handle h, String jobId) {
        return h.createQuery("SELECT version, annotations_json, updated_at, updated_by, source FROM job_annotations WHERE job_id = :id")
                .bind("id", jobId)
                .map((rs, ctx) -> new AnnotationSets.Current(rs.getLong(1), AnnotationJson.read(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), Optional.ofNullable(rs.getString(4)), rs.getString(5)))
                .findOne()
                .orElseGet(() -> new AnnotationSets.Current(0, List.of(), Instant.EPOCH, Optional.empty(), "none"));
    }

    /** Saves {@code annotations} as the version after {@code expectedVersion}; returns the new version. */
    public long save(String jobId, long expectedVersion, List<? extends Annotation> annotations, Optional<String> author,
                     String source) {
        String json = AnnotationJson.write(annotations);
        long now = System.currentTimeMillis();
        long next = expectedVersion + 1;
        try {
            boolean written = jdbi.inTransaction(h -> {
                int rows;
                if (expectedVersion == 0) {
                    rows = h.createUpdate("INSERT INTO job_annotations (job_id, version, annotations_json, updated_at, updated_by, source) "
                                    + "VALUES (:id, 1, :json, :now, :author, :source)")
                            .bind("id", jobId).bind("json", json).bind("now", now)
                            .bind("author", author.orElse(null)).bind("source", source).execute();
                } else {
                    rows = h.createUpdate("UPDATE job_annotations SET version = :next, annotations_json = :json, updated_at = :now, "
                                    + "updated_by = :author, source = :source WHERE job_id = :id AND version = :expected")
                            .bind("id", jobId).bind("json", json).bind("now", now).bind("next", next)
                            .bind("author", author.orElse(null)).bind("source", source).bind("expected", expectedVersion)
                            .execute();
                }
                if (rows != 1) {
                    return false;
                }
                h.createUpdate("INSERT INTO job_annotation_history (job_id, version, annotations_json, created_at, author, source) "
                                + "VALUES (:id, :v, :json, :now, :author, :source)")
                        .bind("id", jobId).bind("v", next).bind("json", json).bind("now", now)
                        .bind("author", author.orElse(null)).bind("source", source).execute();
                return true;
            });
            if (!written) {
                throw new JobVersionConflict(jobId, expectedVersion, get(jobId));
            }
            return next;
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new JobVersionConflict(jobId, expectedVersion, get(jobId));
            }
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new NotFoundException("job " + jobId + " does not exist", e);
            }
            throw e;
        }
    }

    /** Every saved version, newest first. */
    public List<AnnotationSets.Version> history(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version, created_at, author, source, annotations_json "
                        + "FROM job_annotation_history WHERE job_id = :id ORDER BY version DESC")
                .bind("id", jobId)
                .map((rs, ctx) -> new AnnotationSets.Version(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getString(4), AnnotationJson.read(rs.getString(5)).size()))
                .list());
    }

    /** The annotations of one saved version. */
    public Optional<List<Annotation>> version(String jobId, long version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT annotations_json FROM job_annotation_history WHERE job_id = :id AND version = :v")
                .bind("id", jobId).bind("v", version)
                .map((rs, ctx) -> AnnotationJson.read(rs.getString(1)))
                .findOne());
    }
}
