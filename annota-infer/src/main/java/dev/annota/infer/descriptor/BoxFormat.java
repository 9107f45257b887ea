package dev.annota.infer.descriptor;

/** How a box-and-score detector (SSD family) writes its boxes; priors already decoded in the graph. */
public enum BoxFormat {
    /** (x1, y1, x2, y2) as fractions 0–1 of the model input (UltraFace). */
    XYXY_NORMALIZED,
    /** (x1, y1, x2, y2) in model input pixels. */
    XYXY_PIXELS
}
