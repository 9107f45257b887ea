/**
 * COCO detection evaluation (bbox, segm, keypoints) that gives the numbers of pycocotools' {@code COCOeval}
 * (cocodataset/cocoapi PythonAPI, commit 8c9bcc3c, default parameters): {@link dev.annota.eval.coco.CocoEvaluator}
 * over plain records ({@link dev.annota.eval.coco.CocoGroundTruth}, {@link dev.annota.eval.coco.Detection});
 * reading JSON files is the application layer's job.
 */
package dev.annota.eval.coco;
