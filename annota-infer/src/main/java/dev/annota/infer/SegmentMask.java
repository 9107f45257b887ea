package dev.annota.infer;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;
import dev.annota.infer.decode.MaskContours;
import java.util.Objects;
import java.util.Optional;

/**
 * A predicted mask at the original image's size, as COCO RLE.
 *
 * @param score the mean probability over the mask's pixels
 */
public record SegmentMask(ModelLabel label, double score, Rle mask) {
    public SegmentMask {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(mask, "mask");
        if (!Double.isFinite(score)) {
            throw ValidationException.of("score", score, "expected a finite score");
        }
    }

    public PixelBox box() {
        return RleOps.toBbox(mask);
    }

    /**
     * The mask's outlines as a polygon (one part per 4-connected region of at least {@code minArea} pixels,
     * holes not kept), simplified to within {@code tolerance} pixels; empty when nothing is that large.
     */
    public Optional<Polygon> polygon(double tolerance, int minArea) {
        return MaskContours.polygon(mask, tolerance, minArea);
    }
}
