package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;

/**
 * COCO's compressed RLE string ({@code {"size": [h, w], "counts": "..."}}), as pycocotools writes it.
 *
 * <p>Each run length is written as a signed number in chunks of 5 bits, least significant first, each chunk
 * a character {@code 48 + bits} with bit {@code 0x20} set while more chunks follow (a variant of LEB128
 * with 6 bits a character, characters {@code '0'} to {@code 'o'}); the sign is taken from bit {@code 0x10}
 * of the last chunk. From the fourth run on ({@code i > 2}), the number written is the difference to the
 * run two places before ({@code counts[i] - counts[i-2]}), which keeps the strings of smooth shapes short.
 *
 * <p>{@link #decode} accepts exactly what {@link #encode} writes, and rejects anything else with a
 * {@link ValidationException} naming the character position and value. Run lengths up to
 * {@link Integer#MAX_VALUE} round-trip; pycocotools itself computes the 7th chunk in 32-bit {@code int}
 * and so only agrees with this class for run lengths below 2<sup>30</sup>.
 */
public final class RleCodec {
    private static final int FIRST = '0';
    private static final int LAST = 'o';
    /** Seven chunks of 5 bits hold any 32-bit run length or difference. */
    private static final int MAX_CHUNKS = 7;

    private RleCodec() {
    }

    /** The compressed string form of {@code rle}'s counts (its size is written beside it, not in it). */
    public static String encode(Rle rle) {
        int n = rle.runCount();
        StringBuilder sb = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            long x = rle.run(i);
            if (i > 2) {
                x -= rle.run(i - 2);
            }
            boolean more = true;
            while (more) {
                int c = (int) (x & 0x1f);
                x >>= 5;
                more = (c & 0x10) != 0 ? x != -1 : x != 0;
                if (more) {
                    c |= 0x20;
                }
                sb.append((char) (c + FIRST));
            }
        }
        return sb.toString();
    }

    /**
     * Decodes a compressed counts string of a {@code height × width} mask.
     *
     * @throws ValidationException when a character lies outside {@code '0'..'o'}, the string ends inside a
     *     number, a number is longer than 7 characters, a run length comes out negative or too large, or the
     *     run lengths do not add up to {@code height * width}
     */
    public static Rle decode(String counts, int height, int width) {
        int[] runs = new int[counts.length()];
        int m = 0;
        int p = 0;
        while (p < counts.length()) {
            int start = p;
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                if (p >= counts.length()) {
                    throw ValidationException.of("counts", shown(counts, start),
                            "expected the run length starting at character " + start
                                    + " to end (its last character has bit 0x20 set, so more should follow)");
                }
                char ch = counts.charAt(p);
                if (ch < FIRST || ch > LAST) {
                    throw ValidationException.of("counts", printable(ch),
                            "expected a character from '0' to 'o' (ASCII 48-111) at character " + p
                                    + " of the compressed RLE");
                }
                if (k == MAX_CHUNKS) {
                    throw ValidationException.of("counts", shown(counts, start),
                            "expected at most " + MAX_CHUNKS + " characters for the run length starting at character "
                                    + start);
                }
                int c = ch - FIRST;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (m > 2) {
                x += runs[m - 2];
            }
            if (x < 0 || x > Integer.MAX_VALUE) {
                throw ValidationException.of("counts", shown(counts, start),
                        "expected a run length in [0, " + Integer.MAX_VALUE + "] for run " + m
                                + " (starting at character " + start + "), but it decodes to " + x);
            }
            runs[m++] = (int) x;
        }
        return Rle.of(height, width, Arrays.copyOf(runs, m));
    }

    private static String shown(String s, int from) {
        int to = Math.min(s.length(), from + MAX_CHUNKS + 1);
        return s.substring(from, to) + (to < s.length() ? "..." : "");
    }

    private static String printable(char ch) {
        return ch >= 0x20 && ch < 0x7f ? String.valueOf(ch) : String.format("\\u%04x", (int) ch);
    }
}
