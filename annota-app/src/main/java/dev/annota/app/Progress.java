package dev.annota.app;

/**
 * How a long use case reports progress: the CLI draws a progress bar, the server sends events. Calls come
 * from the thread running the use case.
 */
public interface Progress {
    /** No progress reporting. */
    Progress NONE = new Progress() {
        @Override
        public void start(String phase, long total) {
        }

        @Override
        public void step(long done) {
        }

        @Override
        public void finish() {
        }
    };

    /** A new phase with {@code total} steps (0 when unknown). */
    void start(String phase, long total);

    /** {@code done} steps of the current phase are complete. */
    void step(long done);

    /** The current phase is complete. */
    void finish();
}
