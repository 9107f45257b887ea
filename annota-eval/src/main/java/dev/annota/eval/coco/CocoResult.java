package dev.annota.eval.coco;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a COCO results file as written, before {@link LoadResults} derives box and area from it.
 *
 * @param bbox {@code [x, y, w, h]}, or an empty array when the file wrote {@code "bbox": []}
 * @param keypoints flat {@code [x1, y1, v1, ...]}; the third value of each triple (often a score) is not used
 */
public record CocoResult(long imageId, long categoryId, double score, Optional<double[]> bbox,
                         Optional<Segmentation> segmentation, Optional<double[]> keypoints) {
    public CocoResult {
        Objects.requireNonNull(bbox, "bbox");
        Objects.requireNonNull(segmentation, "segmentation");
        Objects.requireNonNull(keypoints, "keypoints");
    }

    /** A box result, the common case. */
    public static CocoResult ofBox(long imageId, long categoryId, double score, double x, double y, double w, double h) {
        return new CocoResult(imageId, categoryId, score, Optional.of(new double[] {x, y, w, h}), Optional.empty(),
                Optional.empty());
    }

    boolean hasBox() {
        return bbox.isPresent() && bbox.get().length > 0;
    }
}
