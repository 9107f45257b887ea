package dev.annota.testkit.shapes;

import java.util.Locale;

/** How the background of a scene is textured. Every style is computed from the scene seed alone. */
public enum BackgroundStyle {
    /** One flat muted colour. */
    PLAIN,
    /** Smooth value noise with fine grain on top. */
    NOISE,
    /** A linear gradient between two muted colours in a random direction. */
    GRADIENT,
    /** Straight stripes of two muted colours at a random angle and period. */
    STRIPES,
    /** A checkerboard of two muted colours with a random cell size. */
    CHECKER;

    /** The style name in tags, lowercase ({@code noise}, {@code checker}, ...). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
