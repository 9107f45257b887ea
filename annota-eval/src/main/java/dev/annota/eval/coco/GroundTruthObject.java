package dev.annota.eval.coco;

import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One ground-truth annotation as COCOeval reads it.
 *
 * @param area the {@code area} field, which decides the area range (not the box's area)
 * @param crowd {@code iscrowd}: an ignore region that any number of detections may fall into
 * @param box needed for bbox evaluation, and for keypoints when no keypoint is labelled
 * @param numKeypoints {@code num_keypoints}; 0 makes the object ignored in keypoint evaluation (when absent,
 *     the number of labelled keypoints counts)
 */
public record GroundTruthObject(long id, long imageId, long categoryId, double area, boolean crowd,
                                Optional<PixelBox> box, Optional<Segmentation> segmentation,
                                Optional<Keypoints> keypoints, OptionalInt numKeypoints) {
    public GroundTruthObject {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(segmentation, "segmentation");
        Objects.requireNonNull(keypoints, "keypoints");
        Objects.requireNonNull(numKeypoints, "numKeypoints");
    }

    /** A plain box annotation (bbox evaluation). */
    public static GroundTruthObject ofBox(long id, long imageId, long categoryId, PixelBox box, double area, boolean crowd) {
        return new GroundTruthObject(id, imageId, categoryId, area, crowd, Optional.of(box), Optional.empty(),
                Optional.empty(), OptionalInt.empty());
    }

    /** {@code num_keypoints}, or the number of labelled keypoints when the field was absent. */
    int labelledKeypoints() {
        if (numKeypoints.isPresent()) {
            return numKeypoints.getAsInt();
        }
        return keypoints.map(Keypoints::labelledCount).orElse(0);
    }
}
