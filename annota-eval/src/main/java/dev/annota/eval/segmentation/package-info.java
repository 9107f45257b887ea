/**
 * Segmentation metrics: semantic segmentation (per-class IoU, mIoU, pixel accuracy, mean class accuracy) from
 * a confusion matrix accumulated image by image ({@link dev.annota.eval.segmentation.SemanticSegmentationEvaluator}),
 * and panoptic quality with the COCO panoptic API's matching rules
 * ({@link dev.annota.eval.segmentation.PanopticEvaluator}).
 */
package dev.annota.eval.segmentation;
