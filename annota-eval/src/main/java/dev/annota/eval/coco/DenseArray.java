package dev.annota.eval.coco;

import java.util.Arrays;

/**
 * An immutable n-dimensional array of doubles stored flat in row-major (C, numpy) order, as COCOeval's
 * {@code precision} {@code [T][R][K][A][M]} and {@code recall} {@code [T][K][A][M]}.
 */
public final class DenseArray {
    private final int[] shape;
    private final double[] values;

    DenseArray(int[] shape, double[] values) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n != values.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + n + " values, got " + values.length);
        }
        this.shape = shape.clone();
        this.values = values;
    }

    /** The size of each dimension. */
    public int[] shape() {
        return shape.clone();
    }

    /** The value at {@code index} (one index per dimension). */
    public double get(int... index) {
        return values[offset(index)];
    }

    /** All values in row-major order (a copy). */
    public double[] toFlatArray() {
        return values.clone();
    }

    int offset(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("expected " + shape.length + " indices, got " + index.length);
        }
        int o = 0;
        for (int d = 0; d < shape.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("index " + index[d] + " of dimension " + d + " (size " + shape[d] + ")");
            }
            o = o * shape[d] + index[d];
        }
        return o;
    }

    double[] raw() {
        return values;
    }

    @Override
    public String toString() {
        return "DenseArray" + Arrays.toString(shape);
    }
}
