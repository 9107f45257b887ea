package dev.annota.eval.segmentation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Panoptic quality per class and averaged over all classes, over things and over stuff, as the COCO panoptic
 * API's {@code pq_average}: means are over the classes with any TP, FP or FN; a class without any scores 0
 * and is not counted; a mean over no class is 0.
 */
public record PanopticScores(Map<Long, PanopticQuality> perClass, PanopticQuality all, PanopticQuality things,
                             PanopticQuality stuff) {
    public PanopticScores {
        perClass = Collections.unmodifiableMap(new LinkedHashMap<>(perClass));
    }
}
