package dev.annota.cli;

import dev.annota.app.Progress;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on stderr (stdout stays free for results and --json): a progress bar on a terminal, one line per
 * phase otherwise (logs, pipes, CI).
 */
final class ConsoleProgress implements Progress {
    private final PrintWriter err;
    private final boolean terminal;
    private ProgressBar bar;
    private String phase;
    private long startNanos;

    ConsoleProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    ConsoleProgress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void start(String newPhase, long total) {
        finish();
        phase = newPhase;
        startNanos = System.nanoTime();
        if (terminal && total > 0) {
            bar = new ProgressBarBuilder().setTaskName(newPhase).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(100)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
        } else {
            err.print(newPhase + " ...");
            err.flush();
        }
    }

    @Override
    public void step(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    @Override
    public void finish() {
        if (phase == null) {
            return;
        }
        if (bar != null) {
            bar.close();
            bar = null;
        } else {
            err.printf(" done (%.1f s)%n", (System.nanoTime() - startNanos) / 1e9);
            err.flush();
        }
        phase = null;
    }
}
