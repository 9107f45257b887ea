package dev.annota.core.annotation;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** An axis-aligned box ({@link AnnotationKind#BOX}). */
public record BoxAnnotation(AnnotationInfo info, PixelBox box) implements Annotation {
    public BoxAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(box, "box");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static BoxAnnotation of(LabelId label, PixelBox box) {
        return new BoxAnnotation(AnnotationInfo.of(label), box);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.BOX;
    }

    @Override
    public BoxAnnotation withInfo(AnnotationInfo newInfo) {
        return new BoxAnnotation(newInfo, box);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(box);
    }
}
