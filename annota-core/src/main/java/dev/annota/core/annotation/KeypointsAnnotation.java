package dev.annota.core.annotation;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** Keypoints in the order of the class's skeleton ({@link AnnotationKind#KEYPOINTS}); the count is checked against the skeleton by {@link SchemaValidator}. */
public record KeypointsAnnotation(AnnotationInfo info, Keypoints keypoints) implements Annotation {
    public KeypointsAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(keypoints, "keypoints");
        if (keypoints.size() == 0) {
            throw ValidationException.of("keypoints", "0 points", "expected at least one keypoint");
        }
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static KeypointsAnnotation of(LabelId label, Keypoints keypoints) {
        return new KeypointsAnnotation(AnnotationInfo.of(label), keypoints);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.KEYPOINTS;
    }

    @Override
    public KeypointsAnnotation withInfo(AnnotationInfo newInfo) {
        return new KeypointsAnnotation(newInfo, keypoints);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(keypoints.boundingBox());
    }
}
