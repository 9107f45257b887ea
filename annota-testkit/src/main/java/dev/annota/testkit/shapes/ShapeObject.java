package dev.annota.testkit.shapes;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import java.util.Objects;

/**
 * The exact ground truth of one shape in a {@link ShapeScene}.
 *
 * @param zOrder        painter's order among the scene's kept shapes: 0 is painted first (bottom-most);
 *                      a shape occludes only shapes with a lower z-order
 * @param shape         the analytic shape that was painted; its {@code contains} decides every pixel
 * @param colour        the flat colour the shape was painted in
 * @param mask          the visible pixels: exactly the pixels whose top-most shape is this one; never empty
 * @param amodalPixels  how many image pixels the shape covers before occlusion (pixels outside the image do
 *                      not count)
 * @param keypoints     one keypoint per name in {@link ShapeClass#keypointNames()}: visibility 2 (visible)
 *                      when the pixel holding the point is in {@link #mask}, 0 (absent, position 0,0) when
 *                      the point lies outside the image, and 1 (occluded) otherwise: covered by a later shape,
 *                      or a sharp tip or corner whose own pixel centre falls just outside the shape
 */
public record ShapeObject(int zOrder, AnalyticShape shape, ShapeColour colour, Rle mask, long amodalPixels,
                          Keypoints keypoints) {
    public ShapeObject {
        if (zOrder < 0) {
            throw ValidationException.of("zOrder", zOrder, "expected a z-order >= 0");
        }
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(colour, "colour");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(keypoints, "keypoints");
        if (mask.area() < 1) {
            throw ValidationException.of("mask", mask, "expected at least one visible pixel");
        }
        if (amodalPixels < mask.area()) {
            throw ValidationException.of("amodalPixels", amodalPixels,
                    "expected at least the visible area " + mask.area());
        }
        int expected = shape.shapeClass().keypointNames().size();
        if (keypoints.size() != expected) {
            throw ValidationException.of("keypoints", keypoints.size() + " points",
                    "expected " + expected + " keypoints for a " + shape.shapeClass().label());
        }
    }

    public ShapeClass shapeClass() {
        return shape.shapeClass();
    }

    /** The class name: {@code circle}, {@code rectangle}, {@code triangle}, {@code star} or {@code ellipse}. */
    public String className() {
        return shape.shapeClass().label();
    }

    /** The colour name, e.g. {@code red}. */
    public String colourName() {
        return colour.label();
    }

    /** The full (amodal) outline, not clipped to the image; see {@link AnalyticShape#outline()}. */
    public Polygon outline() {
        return shape.outline();
    }

    /** The tight box of the visible mask, in whole pixels (COCO's {@code bbox} for this object). */
    public PixelBox box() {
        return mask.boundingBox();
    }

    /** The exact box of the whole analytic shape, not clipped to the image and ignoring occlusion. */
    public PixelBox amodalBox() {
        return shape.bounds();
    }

    /** The number of visible pixels (COCO's {@code area} for this object). */
    public long visibleArea() {
        return mask.area();
    }

    /**
     * The fraction of the shape's in-image pixels that later shapes cover, in [0, 1): 0 when nothing lies on
     * top of it. Being cut off by the image edge is truncation, not occlusion.
     */
    public double occlusion() {
        return 1 - (double) mask.area() / amodalPixels;
    }

    /** True when part of the analytic shape lies outside the image. */
    public boolean truncated() {
        ImageSize size = mask.size();
        return !shape.bounds().isInside(size);
    }
}
