package dev.annota.core.annotation;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** A label for the whole image, without geometry ({@link AnnotationKind#TAG}): image classification. */
public record Tag(AnnotationInfo info) implements Annotation {
    public Tag {
        Objects.requireNonNull(info, "info");
    }

    /** A human tag of {@code label} with nothing else set. */
    public static Tag of(LabelId label) {
        return new Tag(AnnotationInfo.of(label));
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.TAG;
    }

    @Override
    public Tag withInfo(AnnotationInfo newInfo) {
        return new Tag(newInfo);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.empty();
    }
}
