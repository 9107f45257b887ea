package dev.annota.formats.labelstudio;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Rle;
import java.io.ByteArrayOutputStream;

/**
 * Label Studio's brush encoding (label-studio-converter's {@code brush.py}, after thi.ng's {@code rle-pack}):
 * the RGBA image of the mask, {@code height × width × 4} bytes in row-major order (R, G, B, A of pixel (0, 0),
 * then of (1, 0)…), run-length packed into a bit stream read most significant bit first:
 * <ul>
 *   <li>a header: the number of values (32 bits), the word size minus 1 (5 bits), and four run-length field
 *       sizes minus 1 (4 bits each);</li>
 *   <li>then blocks until every value is filled: one bit (1 = a repeated run, 0 = literal words), two bits
 *       choosing one of the four field sizes, the block length minus 1 in that many bits, and then one word
 *       (repeated run) or that many words (literal).</li>
 * </ul>
 * The last byte is padded with zero bits. A pixel belongs to the mask when its alpha value (the 4th channel)
 * is above 0. The encoder writes each mask pixel as (255, 255, 255, 255) and the rest as zeros, with 8-bit
 * words and run-field sizes 3, 4, 8 and 16, as label-studio-converter does.
 */
final class BrushRle {
    private static final int WORD = 8;
    private static final int[] SIZES = {3, 4, 8, 16};
    private static final int MAX_BLOCK = 1 << SIZES[3];

    private BrushRle() {
    }

    /** The mask of an {@code height × width} image; a {@link ValidationException} on field {@code rle} when malformed. */
    static Rle decode(int[] bytes, int height, int width) {
        Bits in = new Bits(bytes);
        long num = in.read(32);
        int wordSize = (int) in.read(5) + 1;
        int[] sizes = new int[4];
        for (int k = 0; k < 4; k++) {
            sizes[k] = (int) in.read(4) + 1;
        }
        long expected = 4L * height * width;
        if (num != expected) {
            throw ValidationException.of("rle", num + " values",
                    "expected 4 values (RGBA) per pixel of the " + width + "x" + height + " image, " + expected);
        }
        boolean[] bitmap = new boolean[height * width];
        long i = 0;
        while (i < num) {
            boolean repeat = in.read(1) == 1;
            long j = Math.min(num, i + 1 + in.read(sizes[(int) in.read(2)]));
            if (repeat) {
                long value = in.read(wordSize);
                if (value > 0) {
                    for (long k = alphaFrom(i); k < j; k += 4) {
                        bitmap[(int) (k / 4)] = true;
                    }
                }
                i = j;
            } else {
                for (; i < j; i++) {
                    long value = in.read(wordSize);
                    if (i % 4 == 3 && value > 0) {
                        bitmap[(int) (i / 4)] = true;
                    }
                }
            }
        }
        return Rle.fromBitmap(bitmap, height, width);
    }

    /** The first alpha index at or after {@code i}. */
    private static long alphaFrom(long i) {
        return i + ((3 - i % 4) + 4) % 4;
    }

    /** The brush encoding of {@code mask}, as the list of bytes Label Studio stores in {@code rle}. */
    static int[] encode(Rle mask) {
        boolean[] bitmap = mask.toBitmap();
        long num = 4L * bitmap.length;
        BitWriter out = new BitWriter();
        out.write(num, 32);
        out.write(WORD - 1, 5);
        for (int s : SIZES) {
            out.write(s - 1, 4);
        }
        long i = 0;
        while (i < num) {
            int v = value(bitmap, i);
            long j = i + 1;
            while (j < num && j - i < MAX_BLOCK && value(bitmap, j) == v) {
                j++;
            }
            if (j - i >= 2) {
                block(out, true, j - i);
                out.write(v, WORD);
                i = j;
                continue;
            }
            // literal words up to the next pair of equal values
            long start = i;
            j = i + 1;
            while (j < num && j - start < MAX_BLOCK && !(j + 1 < num && value(bitmap, j) == value(bitmap, j + 1))) {
                j++;
            }
            block(out, false, j - start);
            for (long k = start; k < j; k++) {
                out.write(value(bitmap, k), WORD);
            }
            i = j;
        }
        return out.bytes();
    }

    private static int value(boolean[] bitmap, long i) {
        return bitmap[(int) (i / 4)] ? 255 : 0;
    }

    private static void block(BitWriter out, boolean repeat, long length) {
        int k = 0;
        while (length - 1 >= (1L << SIZES[k])) {
            k++;
        }
        out.write(repeat ? 1 : 0, 1);
        out.write(k, 2);
        out.write(length - 1, SIZES[k]);
    }

    /** Reads bits, most significant first, from bytes given as ints 0..255. */
    private static final class Bits {
        private final int[] bytes;
        private long pos;

        Bits(int[] bytes) {
            this.bytes = bytes;
        }

        long read(int count) {
            long v = 0;
            for (int k = 0; k < count; k++) {
                long byteIndex = pos >>> 3;
                if (byteIndex >= bytes.length) {
                    throw ValidationException.of("rle", bytes.length + " bytes",
                            "expected a complete brush RLE stream (it ends early, at bit " + pos + ")");
                }
                int bit = (bytes[(int) byteIndex] >>> (7 - (int) (pos & 7))) & 1;
                v = (v << 1) | bit;
                pos++;
            }
            return v;
        }
    }

    private static final class BitWriter {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int current;
        private int filled;

        void write(long value, int count) {
            for (int k = count - 1; k >= 0; k--) {
                current = (current << 1) | (int) ((value >>> k) & 1);
                if (++filled == 8) {
                    out.write(current);
                    current = 0;
                    filled = 0;
                }
            }
        }

        int[] bytes() {
            byte[] b = out.toByteArray();
            int extra = filled > 0 ? 1 : 0;
            int[] r = new int[b.length + extra];
            for (int k = 0; k < b.length; k++) {
                r[k] = b[k] & 0xff;
            }
            if (extra == 1) {
                r[b.length] = (current << (8 - filled)) & 0xff;
            }
            return r;
        }
    }
}
