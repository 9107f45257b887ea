package dev.annota.eval.coco;

import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import java.util.Objects;
import java.util.Optional;

/**
 * A detection as COCOeval sees it after {@code loadRes}: its id (position in the results file + 1), box and
 * area derived as {@link LoadResults} describes, and whatever segmentation or keypoints it carried.
 */
public record Detection(long id, long imageId, long categoryId, double score, PixelBox box, double area,
                        Optional<Segmentation> segmentation, Optional<Keypoints> keypoints) {
    public Detection {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(segmentation, "segmentation");
        Objects.requireNonNull(keypoints, "keypoints");
    }
}
