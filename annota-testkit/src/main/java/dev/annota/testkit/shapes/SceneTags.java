package dev.annota.testkit.shapes;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The image-level tags of a scene, sorted:
 * <ul>
 *   <li>the class name of every kept shape ({@code circle}, {@code star}, ...);</li>
 *   <li>{@value #EMPTY} when no shape was kept;</li>
 *   <li>{@value #CROWDED} when {@value #CROWDED_AT} or more shapes were kept;</li>
 *   <li>{@value #OCCLUDED} when some kept shape has an occlusion above 0;</li>
 *   <li>{@value #TRUNCATED} when some kept shape extends past the image border;</li>
 *   <li>{@value #DARK_BACKGROUND} when the background texture's mean luma (Rec. 601, 0–255) is below
 *       {@value #DARK_BELOW}, {@value #LIGHT_BACKGROUND} when it is above {@value #LIGHT_ABOVE};</li>
 *   <li>{@code background-} and the style's label, e.g. {@code background-stripes}.</li>
 * </ul>
 */
public final class SceneTags {
    public static final String EMPTY = "empty";
    public static final String CROWDED = "crowded";
    public static final String OCCLUDED = "occluded";
    public static final String TRUNCATED = "truncated";
    public static final String DARK_BACKGROUND = "dark-background";
    public static final String LIGHT_BACKGROUND = "light-background";
    public static final String BACKGROUND_PREFIX = "background-";
    public static final int CROWDED_AT = 8;
    public static final int DARK_BELOW = 85;
    public static final int LIGHT_ABOVE = 170;

    private SceneTags() {
    }

    static SortedSet<String> of(List<ShapeObject> objects, BackgroundStyle background, double backgroundLuma) {
        SortedSet<String> tags = new TreeSet<>();
        for (ShapeObject o : objects) {
            tags.add(o.className());
            if (o.occlusion() > 0) {
                tags.add(OCCLUDED);
            }
            if (o.truncated()) {
                tags.add(TRUNCATED);
            }
        }
        if (objects.isEmpty()) {
            tags.add(EMPTY);
        }
        if (objects.size() >= CROWDED_AT) {
            tags.add(CROWDED);
        }
        if (backgroundLuma < DARK_BELOW) {
            tags.add(DARK_BACKGROUND);
        } else if (backgroundLuma > LIGHT_ABOVE) {
            tags.add(LIGHT_BACKGROUND);
        }
        tags.add(BACKGROUND_PREFIX + background.label());
        return Collections.unmodifiableSortedSet(tags);
    }

    /** The mean Rec. 601 luma (0–255) of an {@code 0xRRGGBB} raster. */
    static double meanLuma(int[] rgb) {
        long sum = 0;
        for (int p : rgb) {
            sum += 299L * ((p >> 16) & 255) + 587L * ((p >> 8) & 255) + 114L * (p & 255);
        }
        return sum / 1000.0 / rgb.length;
    }
}
