package dev.annota.testkit.shapes;

import java.util.Locale;

/** The named, saturated colours that shapes are painted in. Backgrounds stay muted, so shapes stand out. */
public enum ShapeColour {
    RED(0xDC2828),
    GREEN(0x28B43C),
    BLUE(0x2850DC),
    YELLOW(0xF0D228),
    PURPLE(0x8C3CB4),
    ORANGE(0xF58C1E),
    CYAN(0x28C8D2),
    MAGENTA(0xDC3CAA);

    private final int rgb;

    ShapeColour(int rgb) {
        this.rgb = rgb;
    }

    /** The colour name in ground truth, lowercase ({@code red}, {@code green}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The colour as {@code 0xRRGGBB}, as {@link java.awt.image.BufferedImage#getRGB} returns it (less alpha). */
    public int rgb() {
        return rgb;
    }
}
