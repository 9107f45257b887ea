package dev.annota.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Request latencies in microseconds, recorded by one thread into a growing array (no locking, no buckets) and
 * merged afterwards into exact percentiles by sorting.
 */
final class Latencies {
    private long[] micros = new long[1 << 12];
    private int size;

    void record(long nanos) {
        if (size == micros.length) {
            micros = Arrays.copyOf(micros, size * 2);
        }
        micros[size++] = nanos / 1_000;
    }

    int size() {
        return size;
    }

    /** Exact percentiles of all recorded latencies together. */
    record Summary(long count, double p50Ms, double p99Ms, double maxMs) {
    }

    static Summary merge(List<Latencies> parts) {
        long[] all = new long[parts.stream().mapToInt(Latencies::size).sum()];
        int at = 0;
        for (Latencies l : parts) {
            System.arraycopy(l.micros, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        if (all.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(all.length, percentile(all, 0.50), percentile(all, 0.99), all[all.length - 1] / 1000.0);
    }

    /** The nearest-rank percentile of sorted microseconds, in milliseconds. */
    static double percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1000.0;
    }
}
