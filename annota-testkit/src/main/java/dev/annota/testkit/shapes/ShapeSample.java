package dev.annota.testkit.shapes;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/**
 * One scene of a {@link ShapesDataset} with its place in it.
 *
 * @param index    position in the dataset, from 0
 * @param fileName the image file name, {@code shapes_000001.png} for index 0 (numbered from 1, as COCO ids are)
 * @param scene    the scene
 */
public record ShapeSample(int index, String fileName, ShapeScene scene) {
    public ShapeSample {
        if (index < 0) {
            throw ValidationException.of("index", index, "expected an index >= 0");
        }
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(scene, "scene");
    }

    /** The 1-based number in the file name, usable as a COCO image id. */
    public int number() {
        return index + 1;
    }
}
