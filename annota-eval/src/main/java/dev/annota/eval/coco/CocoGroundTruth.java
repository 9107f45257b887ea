package dev.annota.eval.coco;

import java.util.List;

/**
 * A COCO ground-truth file's content that evaluation needs: every image (evaluated even without annotations),
 * every category (results are reported per category id) and the annotations.
 */
public record CocoGroundTruth(List<CocoImage> images, List<CocoCategory> categories, List<GroundTruthObject> annotations) {
    public CocoGroundTruth {
        images = List.copyOf(images);
        categories = List.copyOf(categories);
        annotations = List.copyOf(annotations);
    }
}
