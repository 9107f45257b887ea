package dev.annota.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Times a piece of work: warms it up, then runs rounds of it and keeps the median round. The work returns a
 * number that is folded into a sink so the JIT cannot drop it.
 */
final class Timer {
    private static long sink;

    private Timer() {
    }

    /** Median seconds per call of {@code work} over {@code rounds} rounds, after {@code warmup} calls. */
    static double secondsPerCall(LongSupplier work, int warmup, int rounds) {
        for (int i = 0; i < warmup; i++) {
            sink += work.getAsLong();
        }
        double[] times = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            sink += work.getAsLong();
            times[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        return times[rounds / 2];
    }

    /** Keeps the sink observable. */
    static long sink() {
        return sink;
    }
}
