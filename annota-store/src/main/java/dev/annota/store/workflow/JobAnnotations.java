package dev.annota.store.workflow;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.VersionedSets;
import java.util.List;
import java.util.Optional;

/**
 * The annotation set of each job of a task with overlap &gt; 1, versioned with the same rules as
 * {@link AnnotationSets} and by the same code ({@link VersionedSets}): every save names the version it was based
 * on (0: never saved), a stale one fails with {@link JobVersionConflict} carrying the current state, and every
 * version is kept in the history.
 *
 * <p>Tasks with overlap 1 do not use this table: their one job's annotations are the image's
 * {@link AnnotationSets} (the use case layer routes by overlap).
 */
public final class JobAnnotations {
    private static final VersionedSets.Failures FAILURES = new VersionedSets.Failures() {
        @Override
        public RuntimeException stale(String jobId, long expected, AnnotationSets.Current current) {
            return new JobVersionConflict(jobId, expected, current);
        }

        @Override
        public RuntimeException missing(String jobId, Exception cause) {
            return new NotFoundException("job " + jobId + " does not exist", cause);
        }
    };
    private final VersionedSets sets;

    public JobAnnotations(Database db) {
        this.sets = new VersionedSets(db, "job_annotations", "job_annotation_history", "job_id");
    }

    public AnnotationSets.Current get(String jobId) {
        return sets.get(jobId);
    }

    /** Saves {@code annotations} as the version after {@code expectedVersion}; returns the new version. */
    public long save(String jobId, long expectedVersion, List<? extends Annotation> annotations, Optional<String> author,
                     String source) {
        return sets.save(jobId, expectedVersion, annotations, author, source, VersionedSets.AfterWrite.NOTHING, FAILURES).version();
    }

    /** Every saved version, newest first. */
    public List<AnnotationSets.Version> history(String jobId) {
        return sets.history(jobId);
    }

    /** The annotations of one saved version. */
    public Optional<List<Annotation>> version(String jobId, long version) {
        return sets.version(jobId, version);
    }
}
