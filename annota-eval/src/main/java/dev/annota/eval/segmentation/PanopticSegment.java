package dev.annota.eval.segmentation;

import dev.annota.core.error.ValidationException;

/** One segment of a panoptic segmentation: its id in the id map (0 is void), its category, crowd or not. */
public record PanopticSegment(int id, long categoryId, boolean crowd) {
    public PanopticSegment {
        if (id == PanopticEvaluator.VOID) {
            throw ValidationException.of("id", id, "expected a segment id other than 0 (0 marks void pixels)");
        }
    }
}
