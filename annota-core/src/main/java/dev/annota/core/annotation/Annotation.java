package dev.annota.core.annotation;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Optional;

/**
 * One annotation on one image: a sealed family of records, one per {@link AnnotationKind}, each holding its
 * geometry (in pixel coordinates) and an {@link AnnotationInfo} with the label and everything else.
 *
 * <p>Records validate their geometry on construction (finite coordinates, polygons of at least 3 points,
 * confidence in [0, 1]). Whether an annotation fits a {@link dev.annota.core.schema.LabelSchema} is checked
 * by {@link SchemaValidator}; whether it fits its image, by a {@link BoundsPolicy}.
 */
public sealed interface Annotation permits Tag, BoxAnnotation, RotatedBoxAnnotation, PolygonAnnotation,
        PolylineAnnotation, PointsAnnotation, KeypointsAnnotation, MaskAnnotation, CuboidAnnotation,
        EllipseAnnotation {

    AnnotationInfo info();

    AnnotationKind kind();

    /** The same annotation with other common fields (relabelled, re-scored…). */
    Annotation withInfo(AnnotationInfo info);

    /** The tight box around the geometry; empty for a {@link Tag}. */
    Optional<PixelBox> boundingBox();

    default LabelId label() {
        return info().label();
    }
}
