package dev.annota.app;

/**
 * How a long use case reports progress: the CLI draws a progress bar, the server sends events. Calls come
 * from the thread running the use case.
 *
 * <p>A progress may also stop the use case: when whoever runs it asked to cancel, {@link #checkCancelled()} —
 * and {@link #step(long)} — throw a {@link CancelledException}. A use case that can stop cleanly between two
 * steps calls {@code checkCancelled()} there and cleans up what it wrote when the exception passes.
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

    /**
     * Structured detail of the work so far, as one JSON document (e.g. a training's epochs with their loss and
     * metrics); an operation shows it as its {@code result} while it runs. Ignored by default.
     */
    default void detail(String json) {
    }

    /** Throws a {@link CancelledException} when the use case was asked to stop; does nothing otherwise. */
    default void checkCancelled() {
    }
}
