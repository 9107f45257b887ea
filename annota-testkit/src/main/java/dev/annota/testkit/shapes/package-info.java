/**
 * Deterministic "shapes" scenes with exact ground truth: {@link dev.annota.testkit.shapes.ShapesGenerator}
 * makes one {@link dev.annota.testkit.shapes.ShapeScene} from a seed and a
 * {@link dev.annota.testkit.shapes.ShapesConfig}; {@link dev.annota.testkit.shapes.ShapesDataset} streams many.
 *
 * <p>Pixel rule: pixel (x, y) belongs to a shape when its centre (x + 0.5, y + 0.5) satisfies the shape's
 * {@code contains}; the same test paints the image and builds the masks.
 */
package dev.annota.testkit.shapes;
