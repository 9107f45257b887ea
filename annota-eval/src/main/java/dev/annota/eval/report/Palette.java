package dev.annota.eval.report;

import java.awt.Color;

/**
 * Colours safe for the common forms of colour blindness: Okabe &amp; Ito's eight categorical colours, and a
 * light-to-dark blue ramp for heat maps (readable in grey scale too).
 */
public final class Palette {
    private static final Color[] CATEGORICAL = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000),
    };
    private static final Color LOW = new Color(0xF7FBFF);
    private static final Color HIGH = new Color(0x08306B);

    private Palette() {
    }

    /** The i-th categorical colour (cycling after eight). */
    public static Color category(int i) {
        return CATEGORICAL[Math.floorMod(i, CATEGORICAL.length)];
    }

    /** A blue of intensity t in [0, 1]: near white at 0, dark navy at 1. */
    public static Color ramp(double t) {
        double x = Math.max(0, Math.min(1, t));
        return new Color(mix(LOW.getRed(), HIGH.getRed(), x), mix(LOW.getGreen(), HIGH.getGreen(), x),
                mix(LOW.getBlue(), HIGH.getBlue(), x));
    }

    /** Black or white, whichever reads better on {@code background}. */
    public static Color textOn(Color background) {
        double luminance = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return luminance > 140 ? Color.BLACK : Color.WHITE;
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }
}
