package dev.annota.train;

import dev.annota.train.augment.AugmentConfig;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that decides a training run. Same config, same data and same seed give the same weights.
 *
 * @param batchSize     images per optimiser step
 * @param learningRate  Adam's initial learning rate, decayed by a cosine schedule to 1 % of it over all epochs
 * @param weightDecay   L2 penalty added by the optimiser
 * @param dropout       dropout rate before the output layer
 * @param patience      stop after this many epochs without a better validation macro F1 (0 = never stop early)
 * @param classWeighted weight the loss by inverse class frequency (multi-label: positives by negatives/positives, at most 10)
 * @param imageSize     cnn: the square input size; head: ignored (the backbone's)
 * @param hidden        head: units of the hidden layer, 0 for a linear head
 * @param validation    fraction of the images for validation
 * @param test          fraction of the images for the test metrics (0 = none)
 * @param backbone      head: the ONNX backbone (file, folder or model.json as annota predict takes it)
 * @param cacheDir      head: where embeddings are cached (content hash → vector file)
 * @param threads       PyTorch intra-op threads (and ONNX Runtime's for the backbone)
 */
public record TrainConfig(TrainMode mode, boolean multiLabel, int epochs, long seed, int batchSize, double learningRate,
        double weightDecay, double dropout, int patience, boolean classWeighted, int imageSize, int hidden,
        double validation, double test, AugmentConfig augment, Optional<Path> backbone, Optional<Path> cacheDir,
        int threads) {
    public TrainConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(augment, "augment");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(cacheDir, "cacheDir");
        double inf = Double.POSITIVE_INFINITY;
        Ranges.check("epochs", epochs, 1, 100_000);
        Ranges.check("batch_size", batchSize, 1, 65_536);
        Ranges.check("threads", threads, 1, 1024);
        Ranges.checkOpen("learning_rate", learningRate, 0, true, inf);
        Ranges.checkOpen("weight_decay", weightDecay, 0, false, inf);
        Ranges.checkOpen("dropout", dropout, 0, false, 1);
        Ranges.check("patience", patience, 0, 100_000);
        Ranges.check("hidden", hidden, 0, 65_536);
        Ranges.check("image_size", imageSize, 8, 512);
        Ranges.checkOpen("validation", validation, 0, true, 1);
        Ranges.checkOpen("test", test, 0, false, 1);
    }

    /** Defaults for {@code mode}: cnn 32 px, 15 epochs, light augmentation; head linear, 60 epochs, no augmentation. */
    public static TrainConfig defaults(TrainMode mode) {
        return mode == TrainMode.CNN
                ? new TrainConfig(mode, false, 15, 1, 64, 1e-3, 1e-4, 0.3, 5, false, 32, 0, 0.15, 0.15,
                        AugmentConfig.light(), Optional.empty(), Optional.empty(), 2)
                : new TrainConfig(mode, false, 60, 1, 32, 3e-3, 1e-4, 0.2, 15, false, 32, 0, 0.2, 0.2,
                        AugmentConfig.none(), Optional.empty(), Optional.empty(), 2);
    }

    public TrainConfig withMultiLabel(boolean v) {
        return new TrainConfig(mode, v, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withEpochs(int v) {
        return new TrainConfig(mode, multiLabel, v, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withSeed(long v) {
        return new TrainConfig(mode, multiLabel, epochs, v, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withBatchSize(int v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, v, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withLearningRate(double v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, v, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withImageSize(int v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                v, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withHidden(int v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, v, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withSplit(double val, double tst) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, val, tst, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withAugment(AugmentConfig v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, v, backbone, cacheDir, threads);
    }

    public TrainConfig withBackbone(Path v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, Optional.of(v), cacheDir, threads);
    }

    public TrainConfig withCacheDir(Path v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, Optional.of(v), threads);
    }

    public TrainConfig withClassWeighted(boolean v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, v,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withPatience(int v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, v, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, threads);
    }

    public TrainConfig withThreads(int v) {
        return new TrainConfig(mode, multiLabel, epochs, seed, batchSize, learningRate, weightDecay, dropout, patience, classWeighted,
                imageSize, hidden, validation, test, augment, backbone, cacheDir, v);
    }
}
