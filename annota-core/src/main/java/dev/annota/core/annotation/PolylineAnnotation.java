package dev.annota.core.annotation;

import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** An open line of at least 2 points ({@link AnnotationKind#POLYLINE}). */
public record PolylineAnnotation(AnnotationInfo info, Polyline polyline) implements Annotation {
    public PolylineAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(polyline, "polyline");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static PolylineAnnotation of(LabelId label, Polyline polyline) {
        return new PolylineAnnotation(AnnotationInfo.of(label), polyline);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.POLYLINE;
    }

    @Override
    public PolylineAnnotation withInfo(AnnotationInfo newInfo) {
        return new PolylineAnnotation(newInfo, polyline);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(polyline.boundingBox());
    }
}
