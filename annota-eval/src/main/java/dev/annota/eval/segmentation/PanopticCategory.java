package dev.annota.eval.segmentation;

/** A panoptic category: countable objects ("things") or amorphous regions ("stuff"). */
public record PanopticCategory(long id, boolean thing) {
}
