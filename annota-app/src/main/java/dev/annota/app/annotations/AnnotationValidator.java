package dev.annota.app.annotations;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoundsPolicy;
import dev.annota.core.annotation.SchemaValidator;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.schema.LabelSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check of an annotation set before it is saved, whichever way it comes (an image's set, a workflow job's
 * set): every annotation against the project's label schema ({@link SchemaValidator}: unknown class, a kind the
 * class does not allow, attributes not of the class or of the wrong type or value, keypoints that do not match the
 * skeleton) and against the image's bounds ({@link BoundsPolicy#REJECT}). All problems are reported together in
 * one {@link ValidationException}, each located at {@code /annotations/<index>/<field>}, the JSON pointer of the
 * request body's annotation.
 */
public final class AnnotationValidator {
    private AnnotationValidator() {
    }

    /** Throws a ValidationException listing every problem of {@code annotations}; returns when there is none. */
    public static void check(LabelSchema schema, ImageSize size, List<? extends Annotation> annotations) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            String at = "/annotations/" + i;
            Annotation a = annotations.get(i);
            SchemaValidator.errors(schema, a).forEach(e -> errors.add(located(e, at)));
            try {
                BoundsPolicy.REJECT.apply(a, size);
            } catch (ValidationException e) {
                e.errors().forEach(err -> errors.add(located(err, at)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** The error at {@code at/<field>} (where the field has a pointer-safe name) so that it points into the body. */
    private static FieldError located(FieldError e, String at) {
        String where = e.location().isEmpty() ? at + "/" + e.field().replace("~", "~0").replace("/", "~1").replace('.', '/')
                : at + "/" + e.location();
        return new FieldError(where, e.field(), e.value(), e.expected());
    }
}
