package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Iou;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How alike two objects of one kind are, in [0, 1]: geometric IoU for boxes, rotated boxes and ellipses (as
 * 64-gons), pixel IoU for polygons (rasterised as COCO does, once each) and masks, a symmetric object keypoint
 * similarity for keypoints (see {@link #keypoints}), and the IoU of the bounding boxes for every other kind.
 */
final class Similarity {
    /** The per-keypoint σ of the keypoint similarity (COCO's person keypoints range 0.025–0.107). */
    static final double KEYPOINT_SIGMA = 0.08;
    private final ImageSize size;
    private final Map<Annotation, Rle> masks = new IdentityHashMap<>();

    Similarity(ImageSize size) {
        this.size = size;
    }

    double of(Annotation a, Annotation b) {
        if (a instanceof BoxAnnotation x && b instanceof BoxAnnotation y) {
            return Iou.boxes(x.box(), y.box());
        }
        if (a instanceof RotatedBoxAnnotation x && b instanceof RotatedBoxAnnotation y) {
            return Iou.rotatedBoxes(x.box(), y.box());
        }
        if (a instanceof EllipseAnnotation x && b instanceof EllipseAnnotation y) {
            return Iou.polygons(x.ellipse().toPolygon(64), y.ellipse().toPolygon(64));
        }
        if (a instanceof PolygonAnnotation || a instanceof MaskAnnotation) {
            return Iou.masks(mask(a), mask(b));
        }
        if (a instanceof KeypointsAnnotation x && b instanceof KeypointsAnnotation y) {
            return keypoints(x.keypoints(), y.keypoints());
        }
        return Iou.boxes(a.boundingBox().orElseThrow(), b.boundingBox().orElseThrow());
    }

    /** The pixel mask of a polygon or mask annotation. */
    Rle mask(Annotation a) {
        if (a instanceof MaskAnnotation m) {
            return m.mask();
        }
        return masks.computeIfAbsent(a, x -> PolygonRasterizer.rasterize(((PolygonAnnotation) x).polygon(), size));
    }

    /**
     * COCO's keypoint similarity made symmetric: over the points either annotator placed, exp(−d² / (2·s·(2σ)²))
     * where both placed it (s: the area of the box around both objects' points), 0 where only one did.
     */
    private static double keypoints(Keypoints a, Keypoints b) {
        if (a.size() != b.size()) {
            return 0;
        }
        PixelBox box = a.boundingBox().union(b.boundingBox());
        double scale = Math.max(box.area(), 1) * (2 * KEYPOINT_SIGMA) * (2 * KEYPOINT_SIGMA);
        double sum = 0;
        int placed = 0;
        for (int i = 0; i < a.size(); i++) {
            Keypoint p = a.points().get(i), q = b.points().get(i);
            if (p.visibility().isLabelled() && q.visibility().isLabelled()) {
                double dx = p.position().x() - q.position().x(), dy = p.position().y() - q.position().y();
                sum += Math.exp(-(dx * dx + dy * dy) / (2 * scale));
            }
            placed += p.visibility().isLabelled() || q.visibility().isLabelled() ? 1 : 0;
        }
        return placed == 0 ? 0 : sum / placed;
    }
}
