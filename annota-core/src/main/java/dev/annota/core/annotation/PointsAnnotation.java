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
        double x1 = Double.POSITIVE_INFINITY, y1 = Double.POSITIVE_INFINITY;
        double x2 = Double.NEGATIVE_INFINITY, y2 = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            x1 = Math.min(x1, p.x());
            y1 = Math.min(y1, p.y());
            x2 = Math.max(x2, p.x());
            y2 = Math.max(y2, p.y());
        }
        return Optional.of(PixelBox.fromCorners(x1, y1, x2, y2));
    }
}
