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
import dev.annota.core.geometry.Oks;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * How alike two objects of one kind are, in [0, 1]: geometric IoU for boxes, rotated boxes and ellipses (as
 * 64-gons), pixel IoU for polygons (rasterised as COCO does, once each) and masks, a symmetric object keypoint
 * similarity for keypoints, and the IoU of the bounding boxes for every other kind.
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

    private static double keypoints(Keypoints a, Keypoints b) {
        if (a.size() != b.size()) {
            return 0;
        }
        return (oks(a, b) + oks(b, a)) / 2;
    }

    private static double oks(Keypoints gt, Keypoints dt) {
        PixelBox box = gt.labelledCount() > 0 ? gt.boundingBox() : new PixelBox(0, 0, 1, 1);
        double[] sigmas = new double[gt.size()];
        Arrays.fill(sigmas, KEYPOINT_SIGMA);
        return Oks.compute(gt, Math.max(box.area(), 1), box, dt, sigmas);
    }
}
