package dev.annota.formats.masks;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pixels of a label PNG as one int per pixel, row-major ({@code values[y * width + x]}): a class index for
 * an indexed or grayscale PNG, a packed {@code 0xRRGGBB} colour for a colour PNG ({@link Encoding#RGB}).
 *
 * @param palette the PNG's palette as packed {@code 0xRRGGBB} colours (indexed PNGs only, else empty)
 */
public record LabelImage(int width, int height, int[] values, Encoding encoding, int[] palette) {
    /** How the values of a label image are to be understood. */
    public enum Encoding {
        /** Palette indices of an indexed PNG. */
        INDEXED,
        /** Gray levels (8 or 16 bit) of a grayscale PNG: the value itself. */
        GRAY,
        /** Packed {@code 0xRRGGBB} colours of a colour PNG (alpha dropped). */
        RGB
    }

    public LabelImage {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(encoding, "encoding");
        Objects.requireNonNull(palette, "palette");
        if (width < 1 || height < 1 || (long) width * height != values.length) {
            throw new IllegalArgumentException("expected " + width + "x" + height + " values, got " + values.length);
        }
    }

    public int value(int x, int y) {
        return values[y * width + x];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelImage l && l.width == width && l.height == height && l.encoding == encoding
                && Arrays.equals(l.values, values) && Arrays.equals(l.palette, palette);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, encoding, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "LabelImage[" + width + "x" + height + ", " + encoding + "]";
    }
}
