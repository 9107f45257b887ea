package dev.annota.core.annotation;

import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** A polygon of one or more parts, each of at least 3 points ({@link AnnotationKind#POLYGON}). */
public record PolygonAnnotation(AnnotationInfo info, Polygon polygon) implements Annotation {
    public PolygonAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(polygon, "polygon");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static PolygonAnnotation of(LabelId label, Polygon polygon) {
        return new PolygonAnnotation(AnnotationInfo.of(label), polygon);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.POLYGON;
    }

    @Override
    public PolygonAnnotation withInfo(AnnotationInfo newInfo) {
        return new PolygonAnnotation(newInfo, polygon);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(polygon.boundingBox());
    }
}
