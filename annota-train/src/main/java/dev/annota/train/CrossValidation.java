package dev.annota.train;

import dev.annota.train.data.Dataset;
import dev.annota.train.data.Split;
import dev.annota.train.data.Splits;
import dev.annota.train.loop.EpochListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * k-fold cross-validation with the training loop of {@link Training}: stratified folds ({@link Splits#kFold},
 * iterative stratification for multi-label), seeded. For fold i the model trains on the other folds — minus a
 * stratified validation part of them (the config's validation fraction) for early stopping, so the held-out fold
 * never chooses an epoch — and predicts fold i. Every sample thus gets an out-of-fold probability row.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** Told which fold starts (0-based) before its epochs are reported to the {@link EpochListener}. */
    public interface FoldListener extends EpochListener {
        default void fold(int index, int folds) {
        }
    }

    /**
     * Runs {@code folds}-fold cross-validation. With {@code features} (one vector per sample), head mode trains on
     * them; otherwise the config's mode (head on its backbone's cached features, or cnn).
     */
    public static CrossValidationResult run(TrainConfig config, Dataset data, int folds, Optional<float[][]> features,
            FoldListener listener) throws IOException {
        boolean multi = config.multiLabel() || data.multiLabel();
        Dataset d = multi == data.multiLabel() ? data : new Dataset(data.source(), data.labels(), data.samples(), multi);
        List<Split> splits = Splits.kFold(d, folds, config.seed());
        double[][] oof = new double[d.size()][];
        List<CrossValidationResult.Fold> results = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            listener.fold(f, folds);
            int[] rest = splits.get(f).train();
            int[] held = splits.get(f).validation();
            Dataset part = new Dataset(d.source(), d.labels(), d.pick(rest), multi);
            Split inner = Splits.trainValidationTest(part, config.validation(), 0, config.seed() + f);
            Split split = new Split(map(rest, inner.train()), map(rest, inner.validation()), held);
            HeldOut h = Training.heldOut(config, d, split, features, listener);
            double[][] p = h.probabilities();
            for (int i = 0; i < held.length; i++) {
                oof[held[i]] = p[i];
            }
            results.add(new CrossValidationResult.Fold(f, split.train().length, split.validation().length, held.length,
                    h.history().size(), h.test()));
        }
        Map<String, Double> mean = new TreeMap<>();
        for (String key : results.get(0).metrics().keySet()) {
            mean.put(key, results.stream().mapToDouble(r -> r.metrics().getOrDefault(key, Double.NaN)).average().orElse(Double.NaN));
        }
        int[] all = java.util.stream.IntStream.range(0, d.size()).toArray();
        double[] thresholds = multi ? Training.thresholds(oof, Training.targets(d, all), d.labels().size()) : null;
        Map<String, Double> pooled = Training.metrics(d, oof, Training.targets(d, all), thresholds);
        return new CrossValidationResult(d.labels().names(), results, mean, pooled, oof);
    }

    private static int[] map(int[] base, int[] local) {
        return Arrays.stream(local).map(i -> base[i]).toArray();
    }
}
