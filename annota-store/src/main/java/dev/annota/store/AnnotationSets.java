package dev.annota.store;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.store.json.AnnotationJson;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The annotation set of each image, versioned. Every save is a new version (with author, time and source)
 * written together with its history row in one transaction; a save must name the version it was based on, and
 * a stale one fails with {@link VersionConflict} carrying the current state, so nothing is silently overwritten.
 * Version 0 is "never saved" (an empty set). Any earlier version can be restored, which saves it as a new one.
 * Every save also updates the {@link AnnotationIndex} in the same transaction.
 */
public final class AnnotationSets {
    /** The most ids {@link #annotationsOf} takes at once. */
    public static final int MAX_BATCH = 1000;

    private final Jdbi jdbi;

    public AnnotationSets(Database db) {
        this.jdbi = db.jdbi();
    }

    /** The current set of an image. */
    public record Current(long version, List<Annotation> annotations, Instant updatedAt, Optional<String> updatedBy,
                          String source) {
        public Current {
            annotations = List.copyOf(annotations);
        }
    }

    /** One saved version, as the history lists it. */
    public record Version(long version, Instant at, Optional<String> author, String source, int annotationCount) {
    }

    public Current get(String imageId) {
        return jdbi.withHandle(h -> current(h, imageId));
    }

    /**
     * The current annotations of each of {@code imageIds} (at most {@value #MAX_BATCH}) in one query — how a long
     * pass over a project (an export) reads them a page at a time. Images never saved map to an empty list.
     */
    public Map<String, List<Annotation>> annotationsOf(Collection<String> imageIds) {
        if (imageIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException(imageIds.size() + " ids; at most " + MAX_BATCH + " per call");
        }
        Map<String, List<Annotation>> out = new HashMap<>();
        imageIds.forEach(id -> out.put(id, List.of()));
        if (!imageIds.isEmpty()) {
            jdbi.useHandle(h -> h.createQuery("SELECT image_id, annotations_json FROM annotation_sets WHERE image_id IN (<ids>)")
                    .bindList("ids", List.copyOf(imageIds))
                    .map((rs, ctx) -> out.put(rs.getString(1), AnnotationJson.read(rs.getString(2))))
                    .list());
        }
        return out;
    }

    private static Current current(Handle h, String imageId) {
        return h.createQuery("SELECT version, annotations_json, updated_at, updated_by, source FROM annotation_sets WHERE image_id = :id")
                .bind("id", imageId)
                .map((rs, ctx) -> new Current(rs.getLong(1), AnnotationJson.read(rs.getString(2)),
                        Instant.ofEpochMilli(rs.getLong(3)), Optional.ofNullable(rs.getString(4)), rs.getString(5)))
                .findOne()
                .orElseGet(() -> new Current(0, List.of(), Instant.EPOCH, Optional.empty(), "none"));
    }

    /**
     * Saves {@code annotations} as the next version after {@code expectedVersion} and returns the new version.
     * Throws {@link VersionConflict} when the current version is not {@code expectedVersion}.
     */
    public long save(String imageId, long expectedVersion, List<? extends Annotation> annotations,
                     Optional<String> author, String source) {
        return saveReturning(imageId, expectedVersion, annotations, author, source).version();
    }

    /**
     * Saves as {@link #save} does and returns the set as this save wrote it, never re-read: a save by someone else
     * right after this one does not change the answer.
     */
    public Current saveReturning(String imageId, long expectedVersion, List<? extends Annotation> annotations,
                                 Optional<String> author, String source) {
        String json = AnnotationJson.write(annotations);
        long now = System.currentTimeMillis();
        long next = expectedVersion + 1;
        try {
            boolean written = jdbi.inTransaction(h -> {
                int rows;
                if (expectedVersion == 0) {
                    rows = h.createUpdate("INSERT INTO annotation_sets (image_id, version, annotations_json, updated_at, updated_by, source) "
                                    + "VALUES (:id, 1, :json, :now, :author, :source)")
                            .bind("id", imageId).bind("json", json).bind("now", now)
                            .bind("author", author.orElse(null)).bind("source", source).execute();
                } else {
                    rows = h.createUpdate("UPDATE annotation_sets SET version = :next, annotations_json = :json, updated_at = :now, "
                                    + "updated_by = :author, source = :source WHERE image_id = :id AND version = :expected")
                            .bind("id", imageId).bind("json", json).bind("now", now).bind("next", next)
                            .bind("author", author.orElse(null)).bind("source", source).bind("expected", expectedVersion).execute();
                }
                if (rows != 1) {
                    return false;
                }
                h.createUpdate("INSERT INTO annotation_history (image_id, version, annotations_json, created_at, author, source) "
                                + "VALUES (:id, :v, :json, :now, :author, :source)")
                        .bind("id", imageId).bind("v", next).bind("json", json).bind("now", now)
                        .bind("author", author.orElse(null)).bind("source", source).execute();
                AnnotationIndex.recordSave(h, imageId, annotations, author, now);
                return true;
            });
            if (!written) {
                throw new VersionConflict(imageId, expectedVersion, get(imageId));
            }
            return new Current(next, List.copyOf(annotations), Instant.ofEpochMilli(now), author, source);
        } catch (UnableToExecuteStatementException e) {
            if (isUniqueViolation(e)) {
                // a first save raced another first save: the other one won
                throw new VersionConflict(imageId, expectedVersion, get(imageId));
            }
            if (isForeignKeyViolation(e)) {
                throw new AnnotaException("image " + imageId + ": no such image", e);
            }
            throw e;
        }
    }

    /** Every saved version, newest first. */
    public List<Version> history(String imageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version, created_at, author, source, annotations_json FROM annotation_history "
                        + "WHERE image_id = :id ORDER BY version DESC")
                .bind("id", imageId)
                .map((rs, ctx) -> new Version(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Optional.ofNullable(rs.getString(3)), rs.getString(4), AnnotationJson.read(rs.getString(5)).size()))
                .list());
    }

    /** The annotations of one saved version. */
    public Optional<List<Annotation>> version(String imageId, long version) {
        return jdbi.withHandle(h -> h.createQuery("SELECT annotations_json FROM annotation_history WHERE image_id = :id AND version = :v")
                .bind("id", imageId).bind("v", version)
                .map((rs, ctx) -> AnnotationJson.read(rs.getString(1)))
                .findOne());
    }

    /** Saves version {@code version} again as the newest one (after {@code expectedVersion}); returns the new version. */
    public long restore(String imageId, long version, long expectedVersion, Optional<String> author) {
        List<Annotation> old = version(imageId, version).orElseThrow(() -> new AnnotaException(
                "image " + imageId + ": no version " + version + " to restore"));
        return save(imageId, expectedVersion, old, author, "restore of version " + version);
    }

    private static boolean isUniqueViolation(Exception e) {
        return sqlState(e).map(s -> s.equals("23505")).orElse(false) || message(e).contains("UNIQUE constraint failed")
                || message(e).contains("PRIMARYKEY");
    }

    private static boolean isForeignKeyViolation(Exception e) {
        return sqlState(e).map(s -> s.equals("23503")).orElse(false) || message(e).contains("FOREIGN KEY constraint failed");
    }

    private static Optional<String> sqlState(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return Optional.of(s.getSQLState());
            }
        }
        return Optional.empty();
    }

    private static String message(Exception e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(' ');
        }
        return sb.toString();
    }
}
