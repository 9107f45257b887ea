package dev.annota.core.annotation;

import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** A rotated box ({@link AnnotationKind#ROTATED_BOX}). */
public record RotatedBoxAnnotation(AnnotationInfo info, RotatedBox box) implements Annotation {
    public RotatedBoxAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(box, "box");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static RotatedBoxAnnotation of(LabelId label, RotatedBox box) {
        return new RotatedBoxAnnotation(AnnotationInfo.of(label), box);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.ROTATED_BOX;
    }

    @Override
    public RotatedBoxAnnotation withInfo(AnnotationInfo newInfo) {
        return new RotatedBoxAnnotation(newInfo, box);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(box.boundingBox());
    }
}
