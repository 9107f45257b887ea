package dev.annota.store.workflow;

import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Annotation jobs: listing, atomic claiming from the annotation pool and the review queue, assignment, and
 * compare-and-set state changes that keep each task's stage in step with its jobs.
 *
 * <p>Every write is a conditional {@code UPDATE} on the state it was decided on, so two users racing for the same
 * job never both get it, on SQLite (writers queue) as on PostgreSQL (the loser's condition no longer holds once the
 * winner commits). A state change first touches its task's row, which serialises changes to the jobs of one task
 * and so keeps the derived stage right.
 */
public final class WorkflowJobs {
    private static final int CANDIDATES = 16;
    private static final int MAX_ROUNDS = 100;
    private static final String OPEN_STATES = "('new', 'in_progress', 'rejected')";

    private static final String CLAIM = "UPDATE workflow_jobs SET assignee = :me, state = 'in_progress', updated_at = :now "
            + "WHERE id = :id AND state IN " + OPEN_STATES + " AND (assignee = :me OR (assignee IS NULL AND NOT EXISTS "
            + "(SELECT 1 FROM workflow_jobs m WHERE m.task_id = workflow_jobs.task_id AND m.assignee = :me)))";

    private final Jdbi jdbi;

    public WorkflowJobs(Database db) {
        this.jdbi = db.jdbi();
    }

    public Optional<Job> get(String jobId) {
        return jdbi.withHandle(h -> find(h, jobId));
    }

    /** The job, or {@link NotFoundException}. */
    public Job require(String jobId) {
        return get(jobId).orElseThrow(() -> new NotFoundException("job " + jobId + " does not exist"));
    }

    /** The jobs of one task, by slot. */
    public List<Job> ofTask(String taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.JOB_COLUMNS + Rows.JOB_FROM + "WHERE j.task_id = :t ORDER BY j.slot")
                .bind("t", taskId).map((rs, ctx) -> Rows.job(rs)).list());
    }

    /** The jobs of the given images of a project (for planning an assignment), in task order. */
    public List<Job> ofImages(String projectId, List<String> imageIds) {
        List<Job> out = new ArrayList<>();
        for (int from = 0; from < imageIds.size(); from += 500) {
            List<String> chunk = imageIds.subList(from, Math.min(imageIds.size(), from + 500));
            out.addAll(jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.JOB_COLUMNS + Rows.JOB_FROM
                            + "WHERE j.project_id = :p AND j.image_id IN (<ids>) ORDER BY t.position, t.id, j.slot")
                    .bind("p", projectId).bindList("ids", chunk).map((rs, ctx) -> Rows.job(rs)).list()));
        }
        return out;
    }

    /**
     * A page of at most {@code limit} jobs matching {@code filter}, in task order (the order images were added),
     * starting after {@code after} (a cursor from an earlier page).
     */
    public JobPage list(JobFilter filter, Optional<String> after, int limit) {
        if (limit < 1 || limit > 1000) {
            throw ValidationException.of("limit", limit, "expected a page size from 1 to 1000");
        }
        StringBuilder sql = new StringBuilder("SELECT " + Rows.JOB_COLUMNS + ", t.position" + Rows.JOB_FROM + "WHERE j.project_id = :p");
        filter.stage().ifPresent(s -> sql.append(" AND t.stage = :stage"));
        filter.state().ifPresent(s -> sql.append(" AND j.state = :state"));
        filter.assignee().ifPresent(a -> sql.append(" AND j.assignee = :assignee"));
        filter.imageId().ifPresent(a -> sql.append(" AND j.image_id = :image"));
        if (filter.unassignedOnly()) {
            sql.append(" AND j.assignee IS NULL");
        }
        Optional<Cursor> cursor = after.map(Cursor::parse);
        cursor.ifPresent(c -> sql.append(" AND (t.position > :cpos OR (t.position = :cpos AND (t.id > :ctask OR (t.id = :ctask AND j.slot > :cslot))))"));
        sql.append(" ORDER BY t.position, t.id, j.slot LIMIT :limit");
        List<Job> rows = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        jdbi.useHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("p", filter.projectId()).bind("limit", limit + 1);
            filter.stage().ifPresent(s -> q.bind("stage", s.wireName()));
            filter.state().ifPresent(s -> q.bind("state", s.wireName()));
            filter.assignee().ifPresent(a -> q.bind("assignee", a));
            filter.imageId().ifPresent(a -> q.bind("image", a));
            cursor.ifPresent(c -> q.bind("cpos", c.position()).bind("ctask", c.taskId()).bind("cslot", c.slot()));
            q.map((rs, ctx) -> {
                rows.add(Rows.job(rs));
                positions.add(rs.getLong(14));
                return null;
            }).forEach(x -> { });
        });
        if (rows.size() <= limit) {
            return new JobPage(rows, Optional.empty());
        }
        Job last = rows.get(limit - 1);
        return new JobPage(rows.subList(0, limit),
                Optional.of(new Cursor(positions.get(limit - 1), last.slot(), last.taskId()).text()));
    }

    private record Cursor(long position, int slot, String taskId) {
        static Cursor parse(String text) {
            String[] parts = text.split(":", 3);
            try {
                if (parts.length == 3 && !parts[2].isEmpty()) {
                    return new Cursor(Long.parseLong(parts[0]), Integer.parseInt(parts[1]), parts[2]);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw ValidationException.of("after", text, "expected the 'next' cursor of an earlier page");
        }

        String text() {
            return position + ":" + slot + ":" + taskId;
        }
    }

    /**
     * Claims the next annotation job for {@code userId} in a project, atomically: first the user's own unfinished
     * jobs (rejected ones first, then in progress, then new), then the oldest job of the open pool in a task where
     * the user holds no job yet. The job comes back {@code in_progress} and assigned to the user; empty when there
     * is nothing left for them. A job the user already works on comes back unchanged.
     */
    public Optional<Job> claimNext(String projectId, String userId) {
        String candidates = "SELECT j.id, CASE WHEN j.assignee = :me AND j.state = 'in_progress' THEN 1 ELSE 0 END"
                + Rows.JOB_FROM + "WHERE j.project_id = :p AND j.state IN " + OPEN_STATES
                + " AND (j.assignee = :me OR (j.assignee IS NULL AND NOT EXISTS (SELECT 1 FROM workflow_jobs m "
                + "WHERE m.task_id = j.task_id AND m.assignee = :me))) "
                + "ORDER BY CASE WHEN j.assignee = :me THEN 0 ELSE 1 END, "
                + "CASE j.state WHEN 'rejected' THEN 0 WHEN 'in_progress' THEN 1 ELSE 2 END, t.position, t.id, j.slot LIMIT "
                + CANDIDATES;
        return claim(projectId, userId, candidates, CLAIM);
    }

    /**
     * Claims one given job for {@code userId}, atomically: it must be unfinished and either the user's or in the
     * pool, and the user must hold no other job of that image. Returns the job {@code in_progress} and assigned to
     * the user, or empty when it cannot be claimed (now); the caller reads the job to say why.
     */
    public Optional<Job> claimJob(String jobId, String userId) {
        try {
            int rows = jdbi.withHandle(h -> h.createUpdate(CLAIM).bind("me", userId).bind("now", System.currentTimeMillis())
                    .bind("id", jobId).execute());
            return rows == 1 ? get(jobId) : Optional.empty();
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Claims the next job to review for {@code userId}, atomically: a submitted job of a task in stage
     * {@code review} that the user did not annotate, either already claimed by them or claimed by nobody, oldest
     * submission first (their own claims first). The job comes back with the user as its reviewer; empty when the
     * queue is empty.
     */
    public Optional<Job> claimReview(String projectId, String userId) {
        String candidates = "SELECT j.id, CASE WHEN j.reviewer = :me THEN 1 ELSE 0 END" + Rows.JOB_FROM
                + "WHERE j.project_id = :p AND t.stage = 'review' "
                + "AND j.state = 'submitted' AND (j.reviewer IS NULL OR j.reviewer = :me) "
                + "AND (j.assignee IS NULL OR j.assignee <> :me) "
                + "ORDER BY CASE WHEN j.reviewer = :me THEN 0 ELSE 1 END, j.submitted_at, t.position, j.slot LIMIT " + CANDIDATES;
        String claim = "UPDATE workflow_jobs SET reviewer = :me, updated_at = :now WHERE id = :id AND state = 'submitted' "
                + "AND (reviewer IS NULL OR reviewer = :me) AND (assignee IS NULL OR assignee <> :me)";
        return claim(projectId, userId, candidates, claim);
    }

    private Optional<Job> claim(String projectId, String userId, String candidatesSql, String claimSql) {
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Optional<String>> outcome;
            try {
                outcome = jdbi.inTransaction(h -> {
                    List<Map.Entry<String, Boolean>> ids = h.createQuery(candidatesSql).bind("p", projectId)
                            .bind("me", userId).map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2) == 1)).list();
                    if (ids.isEmpty()) {
                        return Optional.of(Optional.<String>empty());
                    }
                    if (ids.get(0).getValue()) {
                        // already claimed by this user: hand it back unchanged
                        return Optional.of(Optional.of(ids.get(0).getKey()));
                    }
                    for (String id : ids.stream().map(Map.Entry::getKey).toList()) {
                        int rows = h.createUpdate(claimSql).bind("me", userId).bind("now", System.currentTimeMillis())
                                .bind("id", id).execute();
                        if (rows == 1) {
                            return Optional.of(Optional.of(id));
                        }
                    }
                    return Optional.<Optional<String>>empty();
                });
            } catch (UnableToExecuteStatementException e) {
                if (!SqlErrors.isUniqueViolation(e)) {
                    throw e;
                }
                // the same user claimed another job of that image at the same moment: look again
                outcome = Optional.empty();
            }
            if (outcome.isPresent()) {
                return outcome.get().map(this::require);
            }
        }
        throw new ConflictException("no job could be claimed for user " + userId + " in project " + projectId
                + " after " + MAX_ROUNDS + " tries: too many claims at once; try again");
    }

    /**
     * Applies a compare-and-set state change and returns the job after it; {@link ConflictException} naming the
     * job's current state when it changed since the caller read it (nothing is written then).
     */
    public Job change(JobChange c) {
        jdbi.useTransaction(h -> {
            long now = System.currentTimeMillis();
            Job before = find(h, c.jobId()).orElseThrow(() -> new NotFoundException("job " + c.jobId() + " does not exist"));
            h.createUpdate("UPDATE workflow_tasks SET updated_at = :now WHERE id = :t").bind("now", now)
                    .bind("t", before.taskId()).execute();
            StringBuilder sql = new StringBuilder("UPDATE workflow_jobs SET state = :to, updated_at = :now");
            if (c.to() == JobState.SUBMITTED) {
                sql.append(", submitted_at = :now");
            }
            if (c.reviewer().isPresent()) {
                sql.append(", reviewer = :reviewer");
            }
            sql.append(" WHERE id = :id AND state = :from AND ")
                    .append(c.fromAssignee().isPresent() ? "assignee = :assignee" : "assignee IS NULL");
            if (c.reviewer().isPresent()) {
                sql.append(" AND (reviewer IS NULL OR reviewer = :reviewer)");
            }
            var update = h.createUpdate(sql.toString()).bind("to", c.to().wireName()).bind("now", now)
                    .bind("id", c.jobId()).bind("from", c.from().wireName());
            c.fromAssignee().ifPresent(a -> update.bind("assignee", a));
            c.reviewer().ifPresent(r -> update.bind("reviewer", r));
            if (update.execute() != 1) {
                Job now2 = find(h, c.jobId()).orElseThrow();
                throw new ConflictException(now2.describe() + " changed while you were working: it is now "
                        + now2.state().wireName() + ", assigned to " + now2.assignee().orElse("nobody")
                        + now2.reviewer().map(r -> ", reviewed by " + r).orElse("")
                        + "; moving it to " + c.to().wireName() + " was not done");
            }
            c.comment().ifPresent(comment -> WorkflowComments.insert(h, c.jobId(), comment, now));
            WorkflowTasks.refreshStage(h, before.taskId(), now);
        });
        return require(c.jobId());
    }

    /**
     * Gives open pool jobs (state {@code new}, no assignee) to users. A planned assignment is skipped when its job
     * was claimed or assigned meanwhile, or when the user already holds a job of that image; returns the ids of the
     * jobs actually assigned. One transaction.
     */
    public List<String> assignOpen(List<JobAssignment> plan) {
        try {
            return jdbi.inTransaction(h -> {
                List<String> done = new ArrayList<>();
                long now = System.currentTimeMillis();
                for (JobAssignment a : plan) {
                    int rows = h.createUpdate("UPDATE workflow_jobs SET assignee = :u, updated_at = :now WHERE id = :id "
                                    + "AND state = 'new' AND assignee IS NULL AND NOT EXISTS (SELECT 1 FROM workflow_jobs m "
                                    + "WHERE m.task_id = workflow_jobs.task_id AND m.assignee = :u)")
                            .bind("u", a.userId()).bind("now", now).bind("id", a.jobId()).execute();
                    if (rows == 1) {
                        done.add(a.jobId());
                    }
                }
                return done;
            });
        } catch (UnableToExecuteStatementException e) {
            throw translate(e, "the assignment", "nothing was assigned");
        }
    }

    /**
     * Moves an unfinished job from {@code fromAssignee} to {@code to} (empty: back to the open pool), keeping its
     * state and annotations; compare-and-set like {@link #change}.
     */
    public Job reassign(String jobId, JobState from, Optional<String> fromAssignee, Optional<String> to) {
        if (!from.isOpen()) {
            throw new IllegalArgumentException("only an unfinished job can be reassigned, not a " + from.wireName() + " one");
        }
        try {
            jdbi.useTransaction(h -> {
                var update = h.createUpdate("UPDATE workflow_jobs SET assignee = :to, updated_at = :now WHERE id = :id AND state = :from AND "
                                + (fromAssignee.isPresent() ? "assignee = :prev" : "assignee IS NULL"))
                        .bind("to", to.orElse(null)).bind("now", System.currentTimeMillis()).bind("id", jobId)
                        .bind("from", from.wireName());
                fromAssignee.ifPresent(p -> update.bind("prev", p));
                if (update.execute() != 1) {
                    Job now = find(h, jobId).orElseThrow(() -> new NotFoundException("job " + jobId + " does not exist"));
                    throw new ConflictException(now.describe() + " changed meanwhile: it is now " + now.state().wireName()
                            + ", assigned to " + now.assignee().orElse("nobody") + "; it was not reassigned");
                }
            });
        } catch (UnableToExecuteStatementException e) {
            throw translate(e, "job " + jobId, "it was not reassigned");
        }
        return require(jobId);
    }

    private static RuntimeException translate(UnableToExecuteStatementException e, String what, String outcome) {
        if (SqlErrors.isUniqueViolation(e)) {
            return new ConflictException(what + ": a user would hold two jobs of the same image; " + outcome, e);
        }
        if (SqlErrors.isForeignKeyViolation(e)) {
            return new NotFoundException(what + ": the user does not exist; " + outcome, e);
        }
        return e;
    }

    private static Optional<Job> find(Handle h, String jobId) {
        return h.createQuery("SELECT " + Rows.JOB_COLUMNS + Rows.JOB_FROM + "WHERE j.id = :id").bind("id", jobId)
                .map((rs, ctx) -> Rows.job(rs)).findOne();
    }
}
