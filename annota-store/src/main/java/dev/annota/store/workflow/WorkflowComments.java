package dev.annota.store.workflow;

import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Comments on jobs: review decisions, reopenings and remarks, oldest first. */
public final class WorkflowComments {
    private final Jdbi jdbi;

    public WorkflowComments(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Adds a comment to a job ({@link NotFoundException} when there is no such job). */
    public Comment add(String jobId, NewComment comment) {
        try {
            return jdbi.inTransaction(h -> insert(h, jobId, comment, System.currentTimeMillis()));
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw new NotFoundException("job " + jobId + " does not exist (or the comment's author is not a user)", e);
            }
            throw e;
        }
    }

    /** The comments of a job, oldest first. */
    public List<Comment> of(String jobId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id, job_id, kind, author, created_at, body, annotation_index, region_json "
                        + "FROM workflow_comments WHERE job_id = :j ORDER BY created_at, id")
                .bind("j", jobId)
                .map((rs, ctx) -> {
                    int index = rs.getInt(7);
                    Optional<Integer> annotationIndex = rs.wasNull() ? Optional.empty() : Optional.of(index);
                    return new Comment(rs.getString(1), rs.getString(2), CommentKind.fromDb(rs.getString(3)),
                            Optional.ofNullable(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6),
                            annotationIndex, Rows.region(rs.getString(8)));
                })
                .list());
    }

    static Comment insert(Handle h, String jobId, NewComment c, long now) {
        String id = Rows.newId();
        h.createUpdate("INSERT INTO workflow_comments (id, job_id, kind, author, created_at, body, annotation_index, region_json) "
                        + "VALUES (:id, :job, :kind, :author, :now, :body, :idx, :region)")
                .bind("id", id).bind("job", jobId).bind("kind", c.kind().wireName()).bind("author", c.author().orElse(null))
                .bind("now", now).bind("body", c.body()).bind("idx", c.annotationIndex().orElse(null))
                .bind("region", Rows.regionJson(c.region())).execute();
        return new Comment(id, jobId, c.kind(), c.author(), Instant.ofEpochMilli(now), c.body(), c.annotationIndex(),
                c.region());
    }
}
