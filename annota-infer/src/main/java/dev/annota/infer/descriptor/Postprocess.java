package dev.annota.infer.descriptor;

import dev.annota.core.error.ValidationException;

/**
 * What is kept of the decoded outputs.
 *
 * @param scoreThreshold results scoring below are dropped (0 keeps every class of a classifier)
 * @param nmsIou         detections of one class overlapping an already kept one by more than this IoU are
 *                       dropped (class-wise non-maximum suppression); 1 disables it
 * @param topK           at most this many results per image, best first
 */
public record Postprocess(double scoreThreshold, double nmsIou, int topK) {
    public Postprocess {
        if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
            throw ValidationException.of("score_threshold", scoreThreshold, "expected a number from 0 to 1");
        }
        if (!(nmsIou > 0 && nmsIou <= 1)) {
            throw ValidationException.of("nms_iou", nmsIou, "expected an IoU above 0 and at most 1");
        }
        if (topK < 1) {
            throw ValidationException.of("top_k", topK, "expected at least 1");
        }
    }

    public Postprocess withScoreThreshold(double t) {
        return new Postprocess(t, nmsIou, topK);
    }

    public Postprocess withTopK(int k) {
        return new Postprocess(scoreThreshold, nmsIou, k);
    }
}
