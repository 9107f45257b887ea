package dev.annota.testkit.shapes;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import java.util.List;

/**
 * The exact shape that was painted. A pixel (x, y) belongs to the shape when its centre (x + 0.5, y + 0.5)
 * satisfies {@link #contains}; painting and the ground-truth masks use this same test, so the masks are exact.
 *
 * <p>Trigonometry uses {@link StrictMath}, so every machine computes the same pixels.
 */
public sealed interface AnalyticShape permits CircleShape, EllipseShape, RectangleShape, TriangleShape, StarShape {

    /** Which of the five classes this shape is. */
    ShapeClass shapeClass();

    /** True when the point (x, y), in pixel coordinates, lies inside or on the shape. */
    boolean contains(double x, double y);

    /**
     * The full (amodal) outline, not clipped to the image: the exact painted polygon for rectangles, triangles
     * and stars; a {@value Outlines#CURVE_VERTICES}-vertex polygon on the curve for circles and ellipses.
     */
    Polygon outline();

    /** The exact tight box of the analytic shape, not clipped to the image. */
    PixelBox bounds();

    /** The keypoint positions, in the order of {@link ShapeClass#keypointNames()}. */
    List<Point> keypoints();
}
