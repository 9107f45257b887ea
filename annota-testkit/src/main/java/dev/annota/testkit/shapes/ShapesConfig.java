package dev.annota.testkit.shapes;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import java.util.HashSet;
import java.util.List;

/**
 * What a {@link ShapesGenerator} draws. Start from {@link #defaults(int, int)} and change parts with the
 * {@code with...} methods.
 *
 * @param width            image width in pixels
 * @param height           image height in pixels
 * @param minObjects       fewest shapes painted per scene (before dropping hidden ones)
 * @param maxObjects       most shapes painted per scene
 * @param classes          the classes to draw from (uniformly), no repeats
 * @param colours          the colours to paint in, no repeats
 * @param backgrounds      the background styles to pick from (uniformly), no repeats
 * @param minSize          smallest shape size as a fraction of the shorter image side (about the diameter)
 * @param maxSize          largest shape size, same unit
 * @param minVisiblePixels a shape with fewer visible pixels is removed from the scene before the final
 *                         painting, so no pixel shows a shape that has no ground truth
 */
public record ShapesConfig(int width, int height, int minObjects, int maxObjects, List<ShapeClass> classes,
                           List<ShapeColour> colours, List<BackgroundStyle> backgrounds, double minSize,
                           double maxSize, int minVisiblePixels) {
    /** Scenes never paint more shapes than this. */
    public static final int MAX_OBJECTS = 200;

    public ShapesConfig {
        new ImageSize(width, height);
        if (minObjects < 0) {
            throw ValidationException.of("minObjects", minObjects, "expected a count >= 0");
        }
        if (maxObjects < minObjects || maxObjects > MAX_OBJECTS) {
            throw ValidationException.of("maxObjects", maxObjects,
                    "expected a count between minObjects " + minObjects + " and " + MAX_OBJECTS);
        }
        classes = distinct("classes", classes);
        colours = distinct("colours", colours);
        backgrounds = distinct("backgrounds", backgrounds);
        if (!(minSize > 0 && minSize <= maxSize && maxSize <= 1)) {
            throw ValidationException.of("size", "[" + minSize + ", " + maxSize + "]",
                    "expected 0 < minSize <= maxSize <= 1 (fractions of the shorter image side)");
        }
        if (minVisiblePixels < 1) {
            throw ValidationException.of("minVisiblePixels", minVisiblePixels, "expected a count >= 1");
        }
    }

    /** All classes, colours and backgrounds; 1 to 10 shapes of 12 % to 40 % of the shorter side; 12 pixels at least visible. */
    public static ShapesConfig defaults(int width, int height) {
        return new ShapesConfig(width, height, 1, 10, List.of(ShapeClass.values()), List.of(ShapeColour.values()),
                List.of(BackgroundStyle.values()), 0.12, 0.40, 12);
    }

    public ImageSize size() {
        return new ImageSize(width, height);
    }

    public ShapesConfig withSize(int newWidth, int newHeight) {
        return new ShapesConfig(newWidth, newHeight, minObjects, maxObjects, classes, colours, backgrounds, minSize,
                maxSize, minVisiblePixels);
    }

    public ShapesConfig withObjects(int min, int max) {
        return new ShapesConfig(width, height, min, max, classes, colours, backgrounds, minSize, maxSize,
                minVisiblePixels);
    }

    public ShapesConfig withClasses(ShapeClass... newClasses) {
        return new ShapesConfig(width, height, minObjects, maxObjects, List.of(newClasses), colours, backgrounds,
                minSize, maxSize, minVisiblePixels);
    }

    public ShapesConfig withColours(ShapeColour... newColours) {
        return new ShapesConfig(width, height, minObjects, maxObjects, classes, List.of(newColours), backgrounds,
                minSize, maxSize, minVisiblePixels);
    }

    public ShapesConfig withBackgrounds(BackgroundStyle... styles) {
        return new ShapesConfig(width, height, minObjects, maxObjects, classes, colours, List.of(styles), minSize,
                maxSize, minVisiblePixels);
    }

    public ShapesConfig withObjectSize(double min, double max) {
        return new ShapesConfig(width, height, minObjects, maxObjects, classes, colours, backgrounds, min, max,
                minVisiblePixels);
    }

    public ShapesConfig withMinVisiblePixels(int pixels) {
        return new ShapesConfig(width, height, minObjects, maxObjects, classes, colours, backgrounds, minSize,
                maxSize, pixels);
    }

    private static <T> List<T> distinct(String field, List<T> values) {
        List<T> copy = List.copyOf(values);
        if (copy.isEmpty()) {
            throw ValidationException.of(field, "[]", "expected at least one value");
        }
        if (new HashSet<>(copy).size() != copy.size()) {
            throw ValidationException.of(field, copy, "expected no repeated values");
        }
        return copy;
    }
}
