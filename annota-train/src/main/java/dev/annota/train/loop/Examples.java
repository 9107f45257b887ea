package dev.annota.train.loop;

/** Model inputs for a list of samples: the same index order as the targets given to {@link Fit}. */
public interface Examples {
    int size();

    /** The shape of one example, e.g. {@code {3, H, W}} or {@code {D}}. */
    long[] shape();

    /**
     * Writes example {@code i} into {@code dst} from {@code offset}; with {@code augment}, randomly changed with a
     * generator seeded by {@code seed} (the same seed gives the same values).
     */
    void write(int i, boolean augment, long seed, float[] dst, int offset);

    default int valuesPerExample() {
        long n = 1;
        for (long d : shape()) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
