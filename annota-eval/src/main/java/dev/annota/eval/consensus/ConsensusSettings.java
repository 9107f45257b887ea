package dev.annota.eval.consensus;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/**
 * How answers are merged.
 *
 * @param iouThreshold       the least IoU (object keypoint similarity for keypoints) at which two objects are the
 *                           same object
 * @param minSupport         an item is part of the consensus when the weighted share of annotators who gave it is
 *                           above this (0.5: a strict majority)
 * @param agreementThreshold items whose agreement (support × mean similarity to the fused shape) is below this are
 *                           disagreements
 * @param matching           how an annotator's objects are paired with the clusters
 */
public record ConsensusSettings(double iouThreshold, double minSupport, double agreementThreshold, Matching matching) {
    /** Pairing of objects with clusters. */
    public enum Matching { HUNGARIAN, GREEDY }

    public ConsensusSettings {
        unit("iou_threshold", iouThreshold, false);
        unit("min_support", minSupport, true);
        unit("agreement_threshold", agreementThreshold, true);
        Objects.requireNonNull(matching, "matching");
    }

    /** IoU 0.5, strict majority, agreement 0.5, Hungarian matching. */
    public static ConsensusSettings defaults() {
        return new ConsensusSettings(0.5, 0.5, 0.5, Matching.HUNGARIAN);
    }

    private static void unit(String field, double v, boolean zeroAllowed) {
        if (!(v <= 1 && (zeroAllowed ? v >= 0 : v > 0))) {
            throw ValidationException.of(field, v, "expected a number in " + (zeroAllowed ? "[0, 1]" : "(0, 1]"));
        }
    }
}
