package dev.annota.infer.decode;

import dev.annota.core.error.AnnotaException;
import java.util.Arrays;
import java.util.Objects;

/**
 * One output of a run as floats with its shape; the first axis is the batch. The array is owned by this
 * object (decoders only read it).
 */
public record OutputTensor(String name, long[] shape, float[] data) {
    public OutputTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (shape.length == 0 || n != data.length) {
            throw new AnnotaException("output '" + name + "': shape " + Arrays.toString(shape) + " does not hold "
                    + data.length + " values");
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public int batch() {
        return (int) shape[0];
    }

    /** Values per batch item. */
    public int perItem() {
        return data.length / batch();
    }

    /** Size of axis {@code i}. */
    public int dim(int i) {
        return (int) shape[i];
    }

    public int rank() {
        return shape.length;
    }

    /** A model whose outputs do not fit the descriptor: the message names the model, the output and what was expected. */
    public AnnotaException mismatch(String model, String expected) {
        return new AnnotaException(model + ": output '" + name + "' has shape " + Arrays.toString(shape) + ", expected " + expected
                + " (check output.decoder in the descriptor)");
    }
}
