package dev.annota.store;

import dev.annota.core.annotation.Annotation;
import dev.annota.store.json.AnnotationJson;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The one implementation of versioned annotation sets, for every table pair that keeps them: a sets table (one
 * row per key: {@code version, annotations_json, updated_at, updated_by, source}) and its history table (one row
 * per saved version). {@link AnnotationSets} uses it for images, {@code workflow.JobAnnotations} for the jobs of
 * tasks with overlap &gt; 1.
 *
 * <p>A save names the version it was based on (0: never saved); the row is written only if that is still the
 * current version ({@code UPDATE … WHERE version = expected}, or an insert that does nothing when a row already
 * exists), then the history row and whatever {@link AfterWrite} adds (the image index), all in one transaction
 * (in plain JDBC: these statements run for every save),
 * through {@link Database#inGroupedTransaction} (concurrent saves share one commit; each returns after it). A stale
 * version writes nothing and becomes the caller's conflict, carrying the current state.
 */
public final class VersionedSets {
    /** What else a save writes in its transaction (the annotation index of images), given the key and the set. */
    @FunctionalInterface
    public interface AfterWrite {
        AfterWrite NOTHING = (h, key, annotations, author, now) -> { };

        void write(Handle h, String key, List<? extends Annotation> annotations, Optional<String> author, long now);
    }

    /** How a save fails: the exception for a stale version, and the one for a key that does not exist. */
    public interface Failures {
        RuntimeException stale(String key, long expected, AnnotationSets.Current current);

        RuntimeException missing(String key, Exception cause);
    }

    private final Database db;
    private final String sets;
    private final String history;
    private final String key;
    private final String selectCurrent;
    private final String insertFirst;
    private final String updateNext;
    private final String insertHistory;

    /** The sets in table {@code sets} with history in {@code history}, both keyed by column {@code key}. */
    public VersionedSets(Database db, String sets, String history, String key) {
        this.db = db;
        this.sets = sets;
        this.history = history;
        this.key = key;
        this.selectCurrent = "SELECT version, annotations_json, updated_at, updated_by, source FROM " + sets + " WHERE " + key + " = :k";
        this.insertFirst = "INSERT INTO " + sets + " (annotations_json, updated_at, updated_by, source, " + key + ", version) "
                + "VALUES (?, ?, ?, ?, ?, 1) ON CONFLICT DO NOTHING";
        this.updateNext = "UPDATE " + sets + " SET annotations_json = ?, updated_at = ?, updated_by = ?, source = ?, version = ? "
                + "WHERE " + key + " = ? AND version = ?";
        this.insertHistory = "INSERT INTO " + history + " (annotations_json, created_at, author, source, " + key + ", version) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
    }

    /** The current set of {@code k} (version 0, no annotations, source "none" when never saved). */
    public AnnotationSets.Current get(String k) {
        return db.jdbi().withHandle(h -> h.createQuery(selectCurrent).bind("k", k)
                .map((rs, ctx) -> new AnnotationSets.Current(rs.getLong(1), AnnotationJson.read(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), Optional.ofNullable(rs.getString(4)), rs.getString(5)))
                .findOne()
                .orElseGet(() -> new AnnotationSets.Current(0, List.of(), Instant.EPOCH, Optional.empty(), "none")));
    }

    /**
     * Saves {@code annotations} as the version after {@code expectedVersion} and returns the set as written (never
     * re-read). Throws {@code failures.stale(...)} when the current version is another one, and
     * {@code failures.missing(...)} when the key's parent row does not exist.
     */
    public AnnotationSets.Current save(String k, long expectedVersion, List<? extends Annotation> annotations, Optional<String> author,
                                       String source, AfterWrite also, Failures failures) {
        String json = AnnotationJson.write(annotations);
        long now = System.currentTimeMillis();
        long next = expectedVersion + 1;
        String by = author.orElse(null);
        boolean written;
        try {
            written = db.inGroupedTransaction(sets + ":" + k, h -> {
                int rows = expectedVersion == 0 ? Jdbc.update(h, insertFirst, json, now, by, source, k)
                        : Jdbc.update(h, updateNext, json, now, by, source, next, k, expectedVersion);
                if (rows != 1) {
                    return false;
                }
                Jdbc.update(h, insertHistory, json, now, by, source, k, next);
                also.write(h, k, annotations, author, now);
                return true;
            });
        } catch (UnableToExecuteStatementException e) {
            if (isForeignKeyViolation(e)) {
                throw failures.missing(k, e);
            }
            throw e;
        }
        if (!written) {
            throw failures.stale(k, expectedVersion, get(k));
        }
        return new AnnotationSets.Current(next, List.copyOf(annotations), Instant.ofEpochMilli(now), author, source);
    }

    /** Every saved version of {@code k}, newest first. */
    public List<AnnotationSets.Version> history(String k) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT version, created_at, author, source, annotations_json FROM " + history
                        + " WHERE " + key + " = :k ORDER BY version DESC")
                .bind("k", k)
                .map((rs, ctx) -> new AnnotationSets.Version(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getString(4), AnnotationJson.read(rs.getString(5)).size()))
                .list());
    }

    /** The annotations of version {@code version} of {@code k}. */
    public Optional<List<Annotation>> version(String k, long version) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT annotations_json FROM " + history + " WHERE " + key + " = :k AND version = :v")
                .bind("k", k).bind("v", version)
                .map((rs, ctx) -> AnnotationJson.read(rs.getString(1)))
                .findOne());
    }

    @Override
    public String toString() {
        return "VersionedSets[" + sets + ", " + history + "]";
    }

    private static boolean isForeignKeyViolation(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23503".equals(s.getSQLState())
                    || String.valueOf(t.getMessage()).contains("FOREIGN KEY constraint failed")) {
                return true;
            }
        }
        return false;
    }
}
