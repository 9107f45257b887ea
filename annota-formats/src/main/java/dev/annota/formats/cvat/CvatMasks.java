package dev.annota.formats.cvat;

import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Rle;
import java.util.Arrays;

/**
 * CVAT's mask encoding and COCO's, both ways, exactly. CVAT stores a mask as the box around it
 * ({@code left}, {@code top}, {@code width}, {@code height}, in pixels) and run lengths over that box in
 * row-major order (along each row, then the next row down), starting with background. COCO's {@link Rle}
 * covers the whole image in column-major order. Neither direction decodes the whole image into a bitmap:
 * only the box is.
 */
final class CvatMasks {
    private CvatMasks() {
    }

    /** CVAT's box and runs: {@code runs} alternate background/foreground over the box, row by row. */
    record BoxRle(int left, int top, int width, int height, int[] runs) {
    }

    /** The box pixels of a CVAT mask, row-major ({@code bits[y * width + x]}); runs must add up to width·height. */
    static boolean[] boxBitmap(int width, int height, int[] runs) {
        boolean[] bits = new boolean[width * height];
        int pos = 0;
        boolean fg = false;
        for (int run : runs) {
            if (fg) {
                Arrays.fill(bits, pos, pos + run, true);
            }
            pos += run;
            fg = !fg;
        }
        return bits;
    }

    /**
     * The mask over the whole image of {@code size}; box pixels outside the image are cut off. Returns the
     * number of foreground pixels cut off in {@code outside[0]}.
     */
    static Rle toRle(BoxRle m, ImageSize size, long[] outside) {
        boolean[] box = boxBitmap(m.width(), m.height(), m.runs());
        int w = size.width(), h = size.height();
        Runs runs = new Runs();
        long lost = 0;
        for (int x = 0; x < w; x++) {
            int bx = x - m.left();
            if (bx < 0 || bx >= m.width()) {
                runs.add(false, h);
                continue;
            }
            for (int y = 0; y < h; y++) {
                int by = y - m.top();
                runs.add(by >= 0 && by < m.height() && box[by * m.width() + bx], 1);
            }
        }
        for (int by = 0; by < m.height(); by++) {
            for (int bx = 0; bx < m.width(); bx++) {
                int x = m.left() + bx, y = m.top() + by;
                if (box[by * m.width() + bx] && (x < 0 || y < 0 || x >= w || y >= h)) {
                    lost++;
                }
            }
        }
        outside[0] = lost;
        return Rle.of(h, w, runs.toArray());
    }

    /** The tight box around the mask's foreground and CVAT's runs over it; empty masks have none. */
    static java.util.Optional<BoxRle> fromRle(Rle rle) {
        int h = rle.height();
        if (rle.area() == 0 || h == 0) {
            return java.util.Optional.empty();
        }
        int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
        long pos = 0;
        for (int i = 0; i < rle.runCount(); i++) {
            int run = rle.run(i);
            if (i % 2 == 1 && run > 0) {
                long last = pos + run - 1;
                int x0 = (int) (pos / h), x1 = (int) (last / h);
                minX = Math.min(minX, x0);
                maxX = Math.max(maxX, x1);
                if (x0 == x1) {
                    minY = Math.min(minY, (int) (pos % h));
                    maxY = Math.max(maxY, (int) (last % h));
                } else {
                    // the run goes down to the bottom of column x0 and starts at the top of column x1
                    minY = 0;
                    maxY = h - 1;
                }
            }
            pos += run;
        }
        int bw = maxX - minX + 1, bh = maxY - minY + 1;
        boolean[] box = new boolean[bw * bh];
        pos = 0;
        for (int i = 0; i < rle.runCount(); i++) {
            int run = rle.run(i);
            if (i % 2 == 1) {
                for (long k = pos; k < pos + run; k++) {
                    int x = (int) (k / h), y = (int) (k % h);
                    box[(y - minY) * bw + (x - minX)] = true;
                }
            }
            pos += run;
        }
        Runs runs = new Runs();
        for (boolean b : box) {
            runs.add(b, 1);
        }
        return java.util.Optional.of(new BoxRle(minX, minY, bw, bh, runs.toArray()));
    }

    /** Run lengths built pixel by pixel (or in stretches), starting with background. */
    private static final class Runs {
        private int[] counts = new int[16];
        private int n;
        private boolean current;
        private long run;

        void add(boolean value, int length) {
            if (length == 0) {
                return;
            }
            if (value != current) {
                push();
                current = value;
            }
            run += length;
        }

        private void push() {
            if (n == counts.length) {
                counts = Arrays.copyOf(counts, n * 2);
            }
            counts[n++] = (int) run;
            run = 0;
        }

        int[] toArray() {
            push();
            return Arrays.copyOf(counts, n);
        }
    }
}
