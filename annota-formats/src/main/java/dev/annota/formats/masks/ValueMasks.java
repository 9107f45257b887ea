package dev.annota.formats.masks;

import dev.annota.core.geometry.Rle;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts between a value image (one int per pixel, row-major) and one {@link Rle} mask per value, exactly
 * and in one pass over the pixels in RLE's column-major order (not one pass per value).
 */
public final class ValueMasks {
    private ValueMasks() {
    }

    /** One mask per distinct value of {@code values}, in value order. */
    public static Map<Integer, Rle> split(int[] values, int height, int width) {
        if ((long) height * width != values.length) {
            throw new IllegalArgumentException("expected " + height + "x" + width + " values, got " + values.length);
        }
        Map<Integer, Runs> runs = new TreeMap<>();
        int k = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++, k++) {
                int v = values[y * width + x];
                runs.computeIfAbsent(v, key -> new Runs()).add(k);
            }
        }
        Map<Integer, Rle> out = new TreeMap<>();
        int total = height * width;
        runs.forEach((v, r) -> out.put(v, r.toRle(height, width, total)));
        return out;
    }

    /**
     * Paints {@code mask} with {@code value} into {@code values} (row-major); returns how many of the painted
     * pixels already held a value other than {@code background} (an overlap with an earlier mask).
     */
    public static long paint(int[] values, int width, Rle mask, int value, int background) {
        int h = mask.height();
        long overlap = 0;
        int pos = 0;
        for (int i = 0; i < mask.runCount(); i++) {
            int run = mask.run(i);
            if (i % 2 == 1) {
                for (int k = pos; k < pos + run; k++) {
                    int idx = (k % h) * width + k / h;
                    if (values[idx] != background && values[idx] != value) {
                        overlap++;
                    }
                    values[idx] = value;
                }
            }
            pos += run;
        }
        return overlap;
    }

    /** The foreground runs of one value, as alternating background/foreground counts. */
    private static final class Runs {
        private int[] counts = new int[8];
        private int n;
        private int end; // one past the last foreground pixel so far

        void add(int k) {
            if (n > 0 && end == k) {
                counts[n - 1]++;
            } else {
                push(k - end);
                push(1);
            }
            end = k + 1;
        }

        private void push(int c) {
            if (n == counts.length) {
                counts = Arrays.copyOf(counts, n * 2);
            }
            counts[n++] = c;
        }

        Rle toRle(int height, int width, int total) {
            if (total > end) {
                push(total - end);
            }
            return Rle.of(height, width, Arrays.copyOf(counts, n));
        }
    }
}
