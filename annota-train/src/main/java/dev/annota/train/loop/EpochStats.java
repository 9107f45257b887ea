package dev.annota.train.loop;

/** One epoch: mean training loss, validation loss and metrics, learning rate at the end, seconds. */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double validationAccuracy,
        double validationMacroF1, double learningRate, double seconds) {
}
