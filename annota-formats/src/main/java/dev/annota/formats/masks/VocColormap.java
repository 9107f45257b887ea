package dev.annota.formats.masks;

/**
 * The Pascal VOC colour map: index {@code i} gets a colour whose bits come from the bits of {@code i}, spread
 * over the high bits of red, green and blue (index 1 is (128,0,0), 2 is (0,128,0), 15 is (192,128,128), 255
 * is (224,224,192), VOC's "void" border colour). Datumaro, CVAT and the VOC devkit use the same map.
 */
public final class VocColormap {
    private VocColormap() {
    }

    /** The colour of {@code index} (0..255) as packed {@code 0xRRGGBB}. */
    public static int colour(int index) {
        if (index < 0 || index > 255) {
            throw new IllegalArgumentException("expected an index in [0, 255], got " + index);
        }
        int r = 0, g = 0, b = 0;
        int c = index;
        for (int j = 7; j >= 0 && c > 0; j--) {
            r |= (c & 1) << j;
            g |= ((c >> 1) & 1) << j;
            b |= ((c >> 2) & 1) << j;
            c >>= 3;
        }
        return (r << 16) | (g << 8) | b;
    }

    /** The colours of indices 0..255. */
    public static int[] palette() {
        int[] out = new int[256];
        for (int i = 0; i < out.length; i++) {
            out[i] = colour(i);
        }
        return out;
    }

    /** {@code #RRGGBB} for a packed colour. */
    public static String hex(int rgb) {
        return String.format(java.util.Locale.ROOT, "#%06X", rgb & 0xFFFFFF);
    }

    /** The packed colour of {@code #RRGGBB}. */
    public static int parseHex(String hex) {
        return Integer.parseInt(hex.substring(1), 16);
    }
}
