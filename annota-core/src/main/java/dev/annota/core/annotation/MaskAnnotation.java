package dev.annota.core.annotation;

import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Objects;
import java.util.Optional;

/** A binary mask in COCO RLE ({@link AnnotationKind#MASK}); it must have the size of its image (see {@link BoundsPolicy}). */
public record MaskAnnotation(AnnotationInfo info, Rle mask) implements Annotation {
    public MaskAnnotation {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(mask, "mask");
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static MaskAnnotation of(LabelId label, Rle mask) {
        return new MaskAnnotation(AnnotationInfo.of(label), mask);
    }

    @Override
    public AnnotationKind kind() {
        return AnnotationKind.MASK;
    }

    @Override
    public MaskAnnotation withInfo(AnnotationInfo newInfo) {
        return new MaskAnnotation(newInfo, mask);
    }

    @Override
    public Optional<PixelBox> boundingBox() {
        return Optional.of(mask.boundingBox());
    }
}
