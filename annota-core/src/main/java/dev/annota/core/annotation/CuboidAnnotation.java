package dev.annota.core.annotation;

import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** A 3-D box drawn in the image plane ({@link AnnotationKind#CUBOID}). */
public record CuboidAnnotation(AnnotationInfo info, Cuboid2D cuboid) implements Annotation {
    public CuboidAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(cuboid, "cuboid");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static CuboidAnnotation of(LabelId label, Cuboid2D cuboid) {
        return new CuboidAnnotation(AnnotationInfo.of(label), cuboid);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.CUBOID;
    }

    @Override
    public CuboidAnnotation withInfo(AnnotationInfo newInfo) {
        return new CuboidAnnotation(newInfo, cuboid);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(cuboid.boundingBox());
    }
}
