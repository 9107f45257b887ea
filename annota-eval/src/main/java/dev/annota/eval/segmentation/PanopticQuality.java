package dev.annota.eval.segmentation;

/**
 * Panoptic quality of one class or a mean over classes. Per class: SQ = ΣIoU / TP (0 without TP),
 * RQ = TP / (TP + FP/2 + FN/2), PQ = SQ × RQ = ΣIoU / (TP + FP/2 + FN/2).
 *
 * @param classes the number of classes averaged (for a single class: 1, or 0 when it had no TP, FP or FN)
 */
public record PanopticQuality(double pq, double sq, double rq, long tp, long fp, long fn, int classes) {
}
