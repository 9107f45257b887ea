package dev.annota.bench;

import java.util.Map;

/**
 * One benchmark's figures: what was measured, our time, the baseline's time measured in the same run, and
 * {@code speedup = baseline / ours} (above 1 means ours is faster). Extra figures go in {@code details}.
 */
record BenchResult(String name, String unit, String baseline, double oursSeconds, double baselineSeconds,
                   Map<String, Object> details) {
    BenchResult {
        details = Map.copyOf(details);
    }

    double speedup() {
        return baselineSeconds / oursSeconds;
    }
}
