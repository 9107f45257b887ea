package dev.annota.core.schema;

import java.util.Locale;

/** The kinds of annotation a {@link LabelClass} may allow, one per annotation record type. */
public enum AnnotationKind {
    /** A whole-image label (classification), no geometry. */
    TAG,
    BOX,
    ROTATED_BOX,
    POLYGON,
    POLYLINE,
    POINTS,
    KEYPOINTS,
    MASK,
    CUBOID,
    ELLIPSE;

    /** The lower-case name used in files and messages, e.g. {@code rotated_box}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
