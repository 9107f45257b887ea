package dev.annota.eval.agreement;

import dev.annota.core.geometry.Iou;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;

/** The area one annotator drew: a box or a mask. */
public sealed interface Region permits Region.Box, Region.Mask {

    /** A pixel box. */
    record Box(PixelBox box) implements Region {
        public Box {
            java.util.Objects.requireNonNull(box, "box");
        }
    }

    /** A COCO run-length mask. */
    record Mask(Rle mask) implements Region {
        public Mask {
            java.util.Objects.requireNonNull(mask, "mask");
        }
    }

    /**
     * Intersection over union of two regions: boxes by {@link Iou#boxes}, masks by {@link RleOps#iou}
     * (pycocotools-exact, no crowd); a box against a mask compares the box with the mask's bounding box.
     */
    static double iou(Region a, Region b) {
        if (a instanceof Mask ma && b instanceof Mask mb) {
            return RleOps.iou(ma.mask(), mb.mask());
        }
        return Iou.boxes(box(a), box(b));
    }

    private static PixelBox box(Region r) {
        return r instanceof Box b ? b.box() : RleOps.toBbox(((Mask) r).mask());
    }
}
