package dev.annota.core.annotation;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One or more unconnected, unnamed points ({@link AnnotationKind#POINTS}); named points are {@link KeypointsAnnotation}. */
public record PointsAnnotation(AnnotationInfo info, List<Point> points) implements Annotation {
    public PointsAnnotation {
        Objects.requireNonNull(info, "info");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw ValidationException.of("points", "0 points", "expected at least one point");
        }
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static PointsAnnotation of(LabelId label, List<Point> points) {
        return new PointsAnnotation(AnnotationInfo.of(label), points);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.POINTS;
    }

    @Override
    public PointsAnnotation withInfo(AnnotationInfo newInfo) {
        return new PointsAnnotation(newInfo, points);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(PixelBox.around(points));
    }
}
