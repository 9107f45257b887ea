package dev.annota.eval.coco;

import java.util.Objects;

/**
 * A range of object areas, inclusive at both ends as pycocotools compares them ({@code area < min or area > max}
 * is outside), with the label that {@code summarize()} prints.
 */
public record AreaRange(String label, double min, double max) {
    public AreaRange {
        Objects.requireNonNull(label, "label");
        if (!(min <= max)) {
            throw new IllegalArgumentException("area range " + label + ": min " + min + " > max " + max);
        }
    }

    /** True when {@code area} lies outside [min, max]. */
    public boolean excludes(double area) {
        return area < min || area > max;
    }
}
