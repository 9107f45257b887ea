package dev.annota.testkit.shapes;

/**
 * The SplitMix64 generator (Steele, Lea and Flood), written out here so that the sequence is fixed by this
 * code and not by a JDK version: the same seed gives the same numbers on every machine. Not thread-safe.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** The 64-bit finaliser of SplitMix64: a bijective mix of {@code z}. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed for item {@code index} of a family seeded with {@code seed}; independent of the other items. */
    static long derive(long seed, long index) {
        return mix(seed + (index + 1) * GOLDEN_GAMMA);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [min, max). */
    double nextDouble(double min, double max) {
        return min + (max - min) * nextDouble();
    }

    /** Uniform in [0, bound), without modulo bias. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long r;
        do {
            r = nextLong() >>> 1;
        } while (r >= limit);
        return (int) (r % bound);
    }

    /** Uniform in [min, max], both inclusive. */
    int nextInt(int min, int max) {
        return min + nextInt(max - min + 1);
    }

    boolean nextBoolean(double probability) {
        return nextDouble() < probability;
    }
}
