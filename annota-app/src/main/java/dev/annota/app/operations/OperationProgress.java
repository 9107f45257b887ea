package dev.annota.app.operations;

import dev.annota.app.CancelledException;
import dev.annota.app.Progress;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The {@link Progress} an operation's task reports to: a new phase and the end of a phase are passed on at
 * once, steps at most once per {@link #THROTTLE} (and the last step of a phase always), so a task may report
 * every image without flooding the database or the listeners. {@link #checkCancelled()} and {@link #step} throw
 * a {@link CancelledException} once the operation was asked to stop.
 */
final class OperationProgress implements Progress {
    /** The shortest time between two reports of steps. */
    static final Duration THROTTLE = Duration.ofMillis(250);

    /** Where reports go (the runner writes them to the database and tells the listeners). */
    interface Sink {
        void report(String phase, long done, long total);

        /** The task's detail so far (a JSON document), shown as the operation's result while it runs. */
        void detail(String json);

        /** The reason to stop, when the operation was asked to; empty otherwise. */
        java.util.Optional<String> stopReason();
    }

    private final Sink sink;
    private final LongSupplier nanoClock;
    private String phase = "";
    private long total;
    private long done;
    private long lastReport;

    OperationProgress(Sink sink, LongSupplier nanoClock) {
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.lastReport = nanoClock.getAsLong() - THROTTLE.toNanos();
    }

    @Override
    public void start(String newPhase, long newTotal) {
        checkCancelled();
        phase = newPhase;
        total = Math.max(0, newTotal);
        done = 0;
        report();
    }

    @Override
    public void step(long newDone) {
        checkCancelled();
        done = Math.max(0, newDone);
        if (total > 0 && done > total) {
            total = done;
        }
        if ((total > 0 && done == total) || nanoClock.getAsLong() - lastReport >= THROTTLE.toNanos()) {
            report();
        }
    }

    @Override
    public void finish() {
        if (total > 0 && done < total) {
            done = total;
        }
        report();
    }

    @Override
    public void detail(String json) {
        checkCancelled();
        sink.detail(json);
    }

    @Override
    public void checkCancelled() {
        java.util.Optional<String> reason = sink.stopReason();
        if (reason.isPresent()) {
            throw new CancelledException(reason.get());
        }
    }

    private void report() {
        lastReport = nanoClock.getAsLong();
        sink.report(phase, done, total);
    }
}
