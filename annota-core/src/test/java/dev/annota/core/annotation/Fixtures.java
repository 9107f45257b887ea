package dev.annota.core.annotation;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import dev.annota.core.schema.TextAttribute;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A small schema used by the annotation tests. */
final class Fixtures {
    static final LabelId CAR = LabelId.of(1);
    static final LabelId PERSON = LabelId.of(2);
    static final LabelId CAT = LabelId.of(3);

    static final LabelSchema SCHEMA = schema();

    private Fixtures() {
    }

    private static LabelSchema schema() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("car", c -> c.withKinds(Set.of(AnnotationKind.BOX, AnnotationKind.POLYGON, AnnotationKind.MASK))
                .withAttributes(List.of(
                        new SelectAttribute("color", List.of("red", "blue"), true, Optional.empty()),
                        NumberAttribute.integerBetween("doors", 2, 5),
                        CheckboxAttribute.of("parked"),
                        new TextAttribute("note", 10, false, Optional.empty()))));
        b.add("person", c -> c.withKinds(Set.of(AnnotationKind.BOX, AnnotationKind.KEYPOINTS))
                .withSkeleton(Skeleton.of(List.of("head", "left hand", "right hand"), new int[] {0, 1}, new int[] {0, 2})));
        b.add("cat", c -> c.withKinds(Set.of(AnnotationKind.TAG)));
        return b.build();
    }

    /** The errors that {@code action} throws, or none. */
    static List<FieldError> errorsOf(Runnable action) {
        try {
            action.run();
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }
}
