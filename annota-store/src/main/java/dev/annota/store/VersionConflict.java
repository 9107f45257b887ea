package dev.annota.store;

import dev.annota.core.error.AnnotaException;

/**
 * A write based on a stale version: somebody saved in between. Carries what is current now, so the caller can
 * show both and let the user choose; nothing was written.
 */
public final class VersionConflict extends AnnotaException {
    private final AnnotationSets.Current current;
    private final long expected;

    public VersionConflict(String imageId, long expected, AnnotationSets.Current current) {
        super("image " + imageId + ": the annotations were saved by someone else in the meantime (you edited version "
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
