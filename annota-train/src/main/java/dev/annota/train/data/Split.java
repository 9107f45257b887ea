package dev.annota.train.data;

/** Indices into a dataset's samples: training, validation (early stopping, thresholds) and test (reported only). */
public record Split(int[] train, int[] validation, int[] test) {
    public Split {
        train = train.clone();
        validation = validation.clone();
        test = test.clone();
    }

    @Override
    public int[] train() {
        return train.clone();
    }

    @Override
    public int[] validation() {
        return validation.clone();
    }

    @Override
    public int[] test() {
        return test.clone();
    }
}
