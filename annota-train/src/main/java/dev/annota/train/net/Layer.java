package dev.annota.train.net;

/** One layer of the networks we train; {@link Networks} builds the DJL block and the ONNX graph from the same list. */
public sealed interface Layer {
    /** 2-D convolution, square kernel, stride 1. */
    record Conv(int filters, int kernel, int padding) implements Layer {
    }

    /** Batch normalisation over channels (inference uses the running statistics). */
    record BatchNorm() implements Layer {
    }

    record Relu() implements Layer {
    }

    /** Max pooling with a square window and the same stride. */
    record MaxPool(int size) implements Layer {
    }

    /** {@code [N, C, H, W]} to {@code [N, C·H·W]}. */
    record Flatten() implements Layer {
    }

    /** Fully connected layer. */
    record Dense(int units) implements Layer {
    }

    /** Dropout while training; nothing at inference. */
    record Dropout(float rate) implements Layer {
    }
}
