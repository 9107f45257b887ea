package dev.annota.store.workflow;

import dev.annota.core.error.ConflictException;
import dev.annota.store.AnnotationSets;

/**
 * A save of a job's annotation set based on a stale version (the job counterpart of
 * {@link dev.annota.store.VersionConflict}): carries what is current now; nothing was written.
 */
public final class JobVersionConflict extends ConflictException {
    private final transient AnnotationSets.Current current;
    private final long expected;

    public JobVersionConflict(String jobId, long expected, AnnotationSets.Current current) {
        super("job " + jobId + ": the annotations were saved by someone else in the meantime (you edited version "
                + expected + ", the current version is " + current.version() + "); nothing was overwritten");
        this.current = current;
        this.expected = expected;
    }

    public AnnotationSets.Current current() {
        return current;
    }

    public long expected() {
        return expected;
    }
}
