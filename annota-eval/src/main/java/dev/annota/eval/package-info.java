/** Metrics: classification, COCO detection, segmentation, agreement; reports. */
package dev.annota.eval;
