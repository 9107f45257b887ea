package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;

/**
 * A binary mask in COCO's run-length encoding: pixels in column-major order (down each column, then the
 * next column to the right), run lengths alternating background/foreground and starting with background
 * (a mask whose first pixel is set starts with a 0-length run). Immutable.
 */
public final class Rle {
    private final int height;
    private final int width;
    private final int[] counts;

    private Rle(int height, int width, int[] counts) {
        this.height = height;
        this.width = width;
        this.counts = counts;
    }

    /**
     * A mask of {@code height × width} from uncompressed counts. The counts must be non-negative and add up
     * to {@code height * width}.
     */
    public static Rle of(int height, int width, int[] counts) {
        if (height < 0 || width < 0) {
            throw ValidationException.of("size", "[" + height + "," + width + "]", "expected a non-negative [height, width]");
        }
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw ValidationException.of("counts[" + i + "]", counts[i], "expected a non-negative run length");
            }
            sum += counts[i];
        }
        if (sum != (long) height * width) {
            throw ValidationException.of("counts", "sum " + sum,
                    "expected run lengths adding up to height*width = " + ((long) height * width));
        }
        return new Rle(height, width, counts.clone());
    }

    /** Trusted constructor for code in this package that has already built valid, unshared counts. */
    static Rle ofTrusted(int height, int width, int[] counts) {
        return new Rle(height, width, counts);
    }

    /** An empty mask. */
    public static Rle empty(int height, int width) {
        return new Rle(height, width, height * width == 0 ? new int[0] : new int[] {height * width});
    }

    /** Encodes a row-major bitmap ({@code bitmap[y * width + x]}). */
    public static Rle fromBitmap(boolean[] bitmap, int height, int width) {
        if (bitmap.length != height * width) {
            throw ValidationException.of("bitmap", bitmap.length + " pixels",
                    "expected height*width = " + ((long) height * width) + " pixels");
        }
        int[] runs = new int[Math.max(1, height * width + 1)];
        int n = 0;
        boolean current = false;
        int run = 0;
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                boolean v = bitmap[y * width + x];
                if (v != current) {
                    runs[n++] = run;
                    run = 0;
                    current = v;
                }
                run++;
            }
        }
        runs[n++] = run;
        return new Rle(height, width, Arrays.copyOf(runs, n));
    }

    /** Decodes to a row-major bitmap ({@code bitmap[y * width + x]}). */
    public boolean[] toBitmap() {
        boolean[] out = new boolean[height * width];
        int pos = 0;
        boolean v = false;
        for (int c : counts) {
            if (v) {
                for (int k = pos; k < pos + c; k++) {
                    int x = k / height, y = k % height;
                    out[y * width + x] = true;
                }
            }
            pos += c;
            v = !v;
        }
        return out;
    }

    public int height() {
        return height;
    }

    public int width() {
        return width;
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    /** The run lengths (a copy). */
    public int[] counts() {
        return counts.clone();
    }

    /** The run lengths themselves, for code in this package that only reads them. */
    int[] rawCounts() {
        return counts;
    }

    /** Number of runs. */
    public int runCount() {
        return counts.length;
    }

    /** Run {@code i}; runs with odd index are foreground. */
    public int run(int i) {
        return counts[i];
    }

    /** The number of foreground pixels. */
    public long area() {
        long a = 0;
        for (int i = 1; i < counts.length; i += 2) {
            a += counts[i];
        }
        return a;
    }

    /**
     * The bounding box exactly as pycocotools' {@code toBbox} computes it (see {@link RleOps#toBbox}): the
     * tight box around the foreground pixels, except that a run going on into the next column stretches it
     * over the full height; {@code [0, 0, 0, 0]} for an empty mask.
     */
    public PixelBox boundingBox() {
        return RleOps.toBbox(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rle r && r.height == height && r.width == width && Arrays.equals(normal(), r.normal());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * height + width) + Arrays.hashCode(normal());
    }

    /** Counts with zero-length inner runs merged away, so that equal masks compare equal. */
    private int[] normal() {
        int[] out = new int[counts.length];
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0 && i > 0 && i < counts.length - 1) {
                // merge the neighbours of an empty inner run
                out[n - 1] += counts[++i];
                continue;
            }
            out[n++] = counts[i];
        }
        while (n > 1 && out[n - 1] == 0) {
            n--;
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Size, area, run count and a 64-bit digest of the normalised runs: equal masks print the same, and
     * different masks (practically) never do, so the text can stand for the mask in comparisons.
     */
    @Override
    public String toString() {
        int[] n = normal();
        long digest = 0xcbf29ce484222325L; // FNV-1a over the normalised runs
        for (int c : n) {
            digest = (digest ^ c) * 0x100000001b3L;
        }
        return "Rle[" + height + "x" + width + ", area=" + area() + ", runs=" + n.length
                + ", digest=" + String.format("%016x", digest) + "]";
    }
}
