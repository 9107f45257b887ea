package dev.annota.store;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.store.json.AnnotationJson;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The annotation set of each image, versioned. Every save is a new version (with author, time and source)
 * written together with its history row in one transaction; a save must name the version it was based on, and
 * a stale one fails with {@link VersionConflict} carrying the current state, so nothing is silently overwritten.
 * Version 0 is "never saved" (an empty set). Any earlier version can be restored, which saves it as a new one.
 * Every save also updates the {@link AnnotationIndex} in the same transaction. The versioning itself is
 * {@link VersionedSets}, shared with the jobs' sets of the workflow.
 */
public final class AnnotationSets {
    /** The most ids {@link #annotationsOf} takes at once. */
    public static final int MAX_BATCH = 1000;

    private static final VersionedSets.Failures FAILURES = new VersionedSets.Failures() {
        @Override
        public RuntimeException stale(String imageId, long expected, Current current) {
            return new VersionConflict(imageId, expected, current);
        }

        @Override
        public RuntimeException missing(String imageId, Exception cause) {
            return new AnnotaException("image " + imageId + ": no such image", cause);
        }
    };
    private final VersionedSets sets;
    private final Jdbi jdbi;

    public AnnotationSets(Database db) {
        this.jdbi = db.jdbi();
        this.sets = new VersionedSets(db, "annotation_sets", "annotation_history", "image_id");
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
        return sets.get(imageId);
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
        return sets.save(imageId, expectedVersion, annotations, author, source, AnnotationIndex::recordSave, FAILURES);
    }

    /** Every saved version, newest first. */
    public List<Version> history(String imageId) {
        return sets.history(imageId);
    }

    /** The annotations of one saved version. */
    public Optional<List<Annotation>> version(String imageId, long version) {
        return sets.version(imageId, version);
    }

    /** Saves version {@code version} again as the newest one (after {@code expectedVersion}); returns the new version. */
    public long restore(String imageId, long version, long expectedVersion, Optional<String> author) {
        List<Annotation> old = version(imageId, version).orElseThrow(() -> new AnnotaException(
                "image " + imageId + ": no version " + version + " to restore"));
        return save(imageId, expectedVersion, old, author, "restore of version " + version);
    }
}
