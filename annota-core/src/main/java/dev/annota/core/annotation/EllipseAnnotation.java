package dev.annota.core.annotation;

import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** An ellipse ({@link AnnotationKind#ELLIPSE}). */
public record EllipseAnnotation(AnnotationInfo info, Ellipse ellipse) implements Annotation {
    public EllipseAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(ellipse, "ellipse");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static EllipseAnnotation of(LabelId label, Ellipse ellipse) {
        return new EllipseAnnotation(AnnotationInfo.of(label), ellipse);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.ELLIPSE;
    }

    @Override
    public EllipseAnnotation withInfo(AnnotationInfo newInfo) {
        return new EllipseAnnotation(newInfo, ellipse);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(ellipse.boundingBox());
    }
}
