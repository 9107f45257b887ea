package dev.annota.store.operations;

import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored operations. Every change is one guarded UPDATE: progress is written only while an operation
 * runs, a finish only once, so a late progress report never overwrites a final state and two finishes never
 * race. Times are epoch milliseconds.
 */
public final class Operations {
    /** The most operations one listing returns. */
    public static final int MAX_LIMIT = 500;
    private static final String COLUMNS = "id, project_id, kind, state, phase, done, total, message, request_json, result_path, "
            + "result_json, cancel_requested, created_by, created_at, updated_at, started_at, finished_at";
    private static final String UNFINISHED = "state IN ('queued', 'running')";

    private final Jdbi jdbi;

    public Operations(Database db) {
        this.jdbi = db.jdbi();
    }

    /** Queues a new operation. */
    public Operation create(NewOperation op, Instant now) {
        String id = Ids.newId();
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO operations (" + COLUMNS + ") VALUES (:id, :p, :kind, 'queued', '', 0, 0, "
                        + "'', :req, NULL, NULL, 0, :by, :now, :now, NULL, NULL)")
                .bind("id", id).bind("p", op.projectId()).bind("kind", op.kind()).bind("req", op.requestJson())
                .bind("by", op.createdBy().orElse(null)).bind("now", now.toEpochMilli()).execute());
        return get(id).orElseThrow(() -> new IllegalStateException("operation " + id + " vanished after insert"));
    }

    public Optional<Operation> get(String id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM operations WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
    }

    /** The newest {@code limit} operations of a project, newest first. */
    public List<Operation> listByProject(String projectId, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ValidationException.of("limit", limit, "expected a number from 1 to " + MAX_LIMIT);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM operations WHERE project_id = :p "
                        + "ORDER BY created_at DESC, id DESC LIMIT " + limit)
                .bind("p", projectId).map((rs, ctx) -> map(rs)).list());
    }

    /** Every operation that is queued or running (after a crash: those it interrupted). */
    public List<Operation> unfinished() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM operations WHERE " + UNFINISHED
                + " ORDER BY created_at, id").map((rs, ctx) -> map(rs)).list());
    }

    /** Queued → running; false when it is not queued any more (cancelled meanwhile) or was asked to cancel. */
    public boolean start(String id, Instant now) {
        return update(h -> h.createUpdate("UPDATE operations SET state = 'running', started_at = :now, updated_at = :now "
                + "WHERE id = :id AND state = 'queued' AND cancel_requested = 0").bind("id", id).bind("now", now.toEpochMilli()).execute());
    }

    /** Writes progress while the operation runs; false when it does not run (any more). */
    public boolean progress(String id, String phase, long done, long total, Instant now) {
        return update(h -> h.createUpdate("UPDATE operations SET phase = :phase, done = :done, total = :total, updated_at = :now "
                        + "WHERE id = :id AND state = 'running'")
                .bind("id", id).bind("phase", phase).bind("done", done).bind("total", total).bind("now", now.toEpochMilli()).execute());
    }

    /** Stores the report of a running operation's work so far in {@code result_json} (the final report replaces it). */
    public boolean partialResult(String id, String json, Instant now) {
        return update(h -> h.createUpdate("UPDATE operations SET result_json = :json, updated_at = :now WHERE id = :id AND state = 'running'")
                .bind("id", id).bind("json", json).bind("now", now.toEpochMilli()).execute());
    }

    /**
     * Finishes a queued or running operation as {@code state} (succeeded, failed or cancelled) with its message,
     * result file and report; false when it was finished already (the first finish stands).
     */
    public boolean finish(String id, OperationState state, String message, Optional<String> resultPath, Optional<String> resultJson,
                          Instant now) {
        if (!state.isFinished()) {
            throw new IllegalArgumentException("finish needs a final state, got " + state);
        }
        return update(h -> h.createUpdate("UPDATE operations SET state = :state, message = :msg, result_path = :path, "
                        + "result_json = :json, updated_at = :now, finished_at = :now WHERE id = :id AND " + UNFINISHED)
                .bind("id", id).bind("state", state.wireName()).bind("msg", message).bind("path", resultPath.orElse(null))
                .bind("json", resultJson.orElse(null)).bind("now", now.toEpochMilli()).execute());
    }

    /**
     * Asks an unfinished operation to stop: a queued one is cancelled at once; a running one is flagged and
     * stops at its next check. Returns the operation as it is afterwards (unchanged when it had finished).
     */
    public Optional<Operation> requestCancel(String id, Instant now) {
        long t = now.toEpochMilli();
        jdbi.useTransaction(h -> {
            h.createUpdate("UPDATE operations SET state = 'cancelled', cancel_requested = 1, message = 'cancelled before it started', "
                    + "updated_at = :now, finished_at = :now WHERE id = :id AND state = 'queued'").bind("id", id).bind("now", t).execute();
            h.createUpdate("UPDATE operations SET cancel_requested = 1, updated_at = :now WHERE id = :id AND state = 'running'")
                    .bind("id", id).bind("now", t).execute();
        });
        return get(id);
    }

    /** Running → queued again, for a kind that resumes after a restart; false when it was not running. */
    public boolean requeue(String id, Instant now) {
        return update(h -> h.createUpdate("UPDATE operations SET state = 'queued', updated_at = :now WHERE id = :id AND state = 'running'")
                .bind("id", id).bind("now", now.toEpochMilli()).execute());
    }

    private boolean update(java.util.function.ToIntFunction<Handle> sql) {
        return jdbi.withHandle(sql::applyAsInt) == 1;
    }

    private static Operation map(ResultSet rs) throws SQLException {
        return new Operation(rs.getString("id"), rs.getString("project_id"), rs.getString("kind"),
                OperationState.parse("state", rs.getString("state")), rs.getString("phase"), rs.getLong("done"), rs.getLong("total"),
                rs.getString("message"), rs.getString("request_json"), Optional.ofNullable(rs.getString("result_path")),
                Optional.ofNullable(rs.getString("result_json")), rs.getInt("cancel_requested") != 0,
                Optional.ofNullable(rs.getString("created_by")), Instant.ofEpochMilli(rs.getLong("created_at")),
                Instant.ofEpochMilli(rs.getLong("updated_at")), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }
}
