package dev.annota.store.images;

import java.awt.image.BufferedImage;

/**
 * A 64-bit DCT perceptual hash (pHash, as in the {@code imagehash} Python package): the upright image is
 * reduced to 32×32 grey levels by averaging the pixels that fall in each cell, a 2-D DCT-II is taken, and
 * the 8×8 lowest frequencies (DC included) become 64 bits, each set when its coefficient is above their
 * median. Bit {@code 8·row + col} is the coefficient at {@code (row, col)}, most significant first.
 *
 * <p>Re-encoding, resizing and mild colour changes move few bits; different pictures differ in about half.
 * Two images are near-duplicates when the Hamming distance of their hashes is at most
 * {@link #DEFAULT_NEAR_DISTANCE}.
 */
public final class PerceptualHash {
    /** The default largest Hamming distance between near-duplicates. */
    public static final int DEFAULT_NEAR_DISTANCE = 8;
    private static final int N = 32;
    private static final int LOW = 8;
    private static final double[][] COS = new double[LOW][N];

    static {
        for (int u = 0; u < LOW; u++) {
            for (int x = 0; x < N; x++) {
                COS[u][x] = Math.cos((2 * x + 1) * u * Math.PI / (2 * N));
            }
        }
    }

    private PerceptualHash() {
    }

    /** The hash of an image already turned upright. */
    public static long of(BufferedImage image) {
        double[][] grey = reduce(image);
        double[][] rows = new double[N][LOW];
        for (int y = 0; y < N; y++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int x = 0; x < N; x++) {
                    s += grey[y][x] * COS[u][x];
                }
                rows[y][u] = s;
            }
        }
        double[] low = new double[LOW * LOW];
        for (int v = 0; v < LOW; v++) {
            for (int u = 0; u < LOW; u++) {
                double s = 0;
                for (int y = 0; y < N; y++) {
                    s += rows[y][u] * COS[v][y];
                }
                low[v * LOW + u] = s;
            }
        }
        double[] sorted = low.clone();
        java.util.Arrays.sort(sorted);
        double median = (sorted[31] + sorted[32]) / 2;
        long hash = 0;
        for (int i = 0; i < low.length; i++) {
            hash = (hash << 1) | (low[i] > median ? 1 : 0);
        }
        return hash;
    }

    /** The number of bits in which two hashes differ (0 to 64). */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** 32×32 luma (BT.601), each cell the mean of the source pixels whose centres fall in it. */
    private static double[][] reduce(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        double[][] sum = new double[N][N];
        int[][] count = new int[N][N];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            int cy = (int) ((y + 0.5) * N / h);
            for (int x = 0; x < w; x++) {
                int rgb = row[x];
                double luma = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                int cx = (int) ((x + 0.5) * N / w);
                sum[cy][cx] += luma;
                count[cy][cx]++;
            }
        }
        double[][] out = new double[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                // an image smaller than 32 px on a side leaves cells empty: take the nearest source pixel
                if (count[y][x] > 0) {
                    out[y][x] = sum[y][x] / count[y][x];
                } else {
                    int rgb = image.getRGB(Math.min(w - 1, x * w / N), Math.min(h - 1, y * h / N));
                    out[y][x] = 0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF);
                }
            }
        }
        return out;
    }
}
