package dev.annota.app.training;

import dev.annota.app.Progress;
import dev.annota.train.loop.EpochListener;
import dev.annota.train.loop.EpochStats;
import java.util.function.BiConsumer;

/**
 * Training progress as a {@link Progress} sees it: a phase per epoch ({@code epoch 3/10}) with a step per batch, and
 * each finished epoch handed to {@code onEpoch} (with whether it is the best so far). A cancelled progress stops the training at its next batch.
 */
public final class EpochProgress {
    private EpochProgress() {
    }

    public static EpochListener of(int epochs, Progress progress, BiConsumer<EpochStats, Boolean> onEpoch) {
        return new EpochListener() {
            private int current;

            @Override
            public void batch(int epoch, int step, int steps, double loss) {
                if (epoch != current) {
                    current = epoch;
                    progress.start("epoch " + epoch + "/" + epochs, steps);
                }
                progress.step(step);
            }

            @Override
            public void epoch(EpochStats stats, boolean best) {
                progress.finish();
                current = 0;
                onEpoch.accept(stats, best);
            }
        };
    }
}
