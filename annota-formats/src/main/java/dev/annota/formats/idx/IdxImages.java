package dev.annota.formats.idx;

import java.util.Arrays;

/**
 * Grey-scale images read from an IDX file (MNIST layout): {@code count} images of {@code rows × cols} unsigned
 * bytes, row-major, one image after another.
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("bad IDX shape " + count + "×" + rows + "×" + cols);
        }
        if (pixels.length != (long) count * rows * cols) {
            throw new IllegalArgumentException("expected " + (long) count * rows * cols + " pixels, got " + pixels.length);
        }
    }

    /** Pixels per image. */
    public int imageSize() {
        return rows * cols;
    }

    /** Pixel (0–255) of image {@code i} at row {@code r}, column {@code c}. */
    public int pixel(int i, int r, int c) {
        return pixels[i * imageSize() + r * cols + c] & 0xFF;
    }

    /** A copy of image {@code i}'s pixels as values in [0, 1]. */
    public float[] scaled(int i) {
        float[] out = new float[imageSize()];
        int base = i * imageSize();
        for (int k = 0; k < out.length; k++) {
            out[k] = (pixels[base + k] & 0xFF) / 255f;
        }
        return out;
    }

    /** The first {@code n} images. */
    public IdxImages head(int n) {
        int m = Math.min(n, count);
        return new IdxImages(m, rows, cols, Arrays.copyOf(pixels, m * imageSize()));
    }
}
