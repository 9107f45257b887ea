package dev.annota.core.annotation;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Names;
import dev.annota.core.schema.Skeleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks annotations against a {@link LabelSchema}, reporting every problem, each a {@link FieldError} that
 * names its field:
 *
 * <ul>
 *   <li>{@code label}: the id is a class of the schema (nothing else is checked when it is not);</li>
 *   <li>{@code kind}: the class allows the annotation's kind;</li>
 *   <li>{@code attributes.NAME}: the attribute is defined for the class, set at most once, and its value fits
 *       ({@link AttributeSpec#check}); every required attribute is set. Names compare
 *       {@link Names#normalise normalised};</li>
 *   <li>{@code keypoints}: as many keypoints as the class's skeleton has points.</li>
 * </ul>
 *
 * <p>Checks on the annotation alone (confidence range, polygon sizes) happen when it is constructed; checks
 * against the image, in {@link BoundsPolicy}.
 */
public final class SchemaValidator {
    private SchemaValidator() {
    }

    /** Every problem of {@code annotation} under {@code schema}; empty when it fits. */
    public static List<FieldError> errors(LabelSchema schema, Annotation annotation) {
        List<FieldError> errors = new ArrayList<>();
        Optional<LabelClass> found = schema.get(annotation.label());
        if (found.isEmpty()) {
            errors.add(schema.unknownLabel(annotation.label()));
            return errors;
        }
        LabelClass cls = found.get();
        if (!cls.allows(annotation.kind())) {
            errors.add(FieldError.of("kind", annotation.kind().wireName(), "expected a kind that class " + describe(cls)
                    + " allows, one of " + cls.kinds().stream().map(k -> k.wireName()).toList()));
        }
        checkAttributes(cls, annotation.info().attributes(), errors);
        if (annotation instanceof KeypointsAnnotation k && cls.skeleton().isPresent()) {
            Skeleton skeleton = cls.skeleton().get();
            if (k.keypoints().size() != skeleton.size()) {
                errors.add(FieldError.of("keypoints", k.keypoints().size() + " points", "expected " + skeleton.size()
                        + " keypoints, as in the skeleton of class " + describe(cls) + " " + skeleton.points()));
            }
        }
        return errors;
    }

    /** Throws a {@link ValidationException} with every problem when {@code annotation} does not fit. */
    public static void validate(LabelSchema schema, Annotation annotation) {
        List<FieldError> errors = errors(schema, annotation);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Every problem of a list of annotations, each located at {@code annotations[i]}. */
    public static List<FieldError> errors(LabelSchema schema, List<? extends Annotation> annotations) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            String where = "annotations[" + i + "]";
            errors(schema, annotations.get(i)).forEach(e -> errors.add(e.at(where)));
        }
        return errors;
    }

    private static void checkAttributes(LabelClass cls, Map<String, AttributeValue> values, List<FieldError> errors) {
        Map<String, String> seen = new HashMap<>();
        values.forEach((key, value) -> {
            String field = "attributes." + key;
            Optional<AttributeSpec> spec = cls.attribute(key);
            if (spec.isEmpty()) {
                errors.add(FieldError.of(field, value.display(), "expected an attribute of class " + describe(cls)
                        + (cls.attributes().isEmpty() ? ", which has none"
                                : ", one of " + cls.attributes().stream().map(AttributeSpec::name).toList())));
                return;
            }
            String before = seen.putIfAbsent(Names.normalise(key), key);
            if (before != null) {
                errors.add(FieldError.of(field, value.display(), "expected each attribute once (also set as \"" + before + "\")"));
                return;
            }
            spec.get().check(value).ifPresent(expected -> errors.add(FieldError.of(field, value.display(), expected)));
        });
        for (AttributeSpec spec : cls.attributes()) {
            if (spec.required() && !seen.containsKey(Names.normalise(spec.name()))) {
                errors.add(FieldError.of("attributes." + spec.name(), null,
                        "expected a value for the required " + spec.typeName() + " attribute"));
            }
        }
    }

    private static String describe(LabelClass cls) {
        return "\"" + cls.name() + "\" (id " + cls.id() + ")";
    }
}
