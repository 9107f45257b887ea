package dev.annota.train.loop;

/** Told about training progress: each batch (for a progress bar) and each finished epoch. */
public interface EpochListener {
    EpochListener NONE = new EpochListener() {
    };

    default void batch(int epoch, int done, int total, double loss) {
    }

    default void epoch(EpochStats stats, boolean best) {
    }
}
