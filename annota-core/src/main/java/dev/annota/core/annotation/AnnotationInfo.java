package dev.annota.core.annotation;

import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * What every annotation carries besides its geometry, held once by each {@link Annotation} record instead
 * of being repeated in ten of them.
 *
 * @param label      the class, by id
 * @param attributes attribute values by attribute name; kept sorted by name, so iteration is stable
 * @param source     who made it
 * @param confidence a model's score in [0, 1]; empty for human annotations and files without scores
 * @param occluded   whether the object is partly hidden
 * @param zOrder     drawing order within an image (higher is drawn on top), 0 by default
 * @param groupId    objects that belong together (CVAT's group); empty when not grouped
 */
public record AnnotationInfo(LabelId label, Map<String, AttributeValue> attributes, Source source,
        OptionalDouble confidence, boolean occluded, int zOrder, OptionalInt groupId) {
    public AnnotationInfo {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(confidence, "confidence");
        Objects.requireNonNull(groupId, "groupId");
        TreeMap<String, AttributeValue> sorted = new TreeMap<>();
        attributes.forEach((k, v) -> {
            if (k == null || k.isBlank()) {
                throw ValidationException.of("attributes", k, "expected non-blank attribute names");
            }
            sorted.put(k, Objects.requireNonNull(v, () -> "attribute " + k));
        });
        attributes = Collections.unmodifiableMap(sorted);
        if (confidence.isPresent()) {
            double c = confidence.getAsDouble();
            if (!(c >= 0 && c <= 1)) {
                throw ValidationException.of("confidence", c, "expected a confidence in [0, 1]");
            }
        }
    }

    /** A human annotation of {@code label} with nothing else set. */
    public static AnnotationInfo of(LabelId label) {
        return new AnnotationInfo(label, Map.of(), Source.human(), OptionalDouble.empty(), false, 0, OptionalInt.empty());
    }

    /** A model's prediction of {@code label} with a confidence. */
    public static AnnotationInfo predicted(LabelId label, Source.Model model, double confidence) {
        return new AnnotationInfo(label, Map.of(), model, OptionalDouble.of(confidence), false, 0, OptionalInt.empty());
    }

    public AnnotationInfo withLabel(LabelId newLabel) {
        return new AnnotationInfo(newLabel, attributes, source, confidence, occluded, zOrder, groupId);
    }

    public AnnotationInfo withAttributes(Map<String, AttributeValue> newAttributes) {
        return new AnnotationInfo(label, newAttributes, source, confidence, occluded, zOrder, groupId);
    }

    /** These attributes plus (or replacing) one. */
    public AnnotationInfo withAttribute(String name, AttributeValue value) {
        TreeMap<String, AttributeValue> copy = new TreeMap<>(attributes);
        copy.put(name, value);
        return withAttributes(copy);
    }

    public AnnotationInfo withSource(Source newSource) {
        return new AnnotationInfo(label, attributes, newSource, confidence, occluded, zOrder, groupId);
    }

    public AnnotationInfo withConfidence(double newConfidence) {
        return new AnnotationInfo(label, attributes, source, OptionalDouble.of(newConfidence), occluded, zOrder, groupId);
    }

    public AnnotationInfo withoutConfidence() {
        return new AnnotationInfo(label, attributes, source, OptionalDouble.empty(), occluded, zOrder, groupId);
    }

    public AnnotationInfo withOccluded(boolean newOccluded) {
        return new AnnotationInfo(label, attributes, source, confidence, newOccluded, zOrder, groupId);
    }

    public AnnotationInfo withZOrder(int newZOrder) {
        return new AnnotationInfo(label, attributes, source, confidence, occluded, newZOrder, groupId);
    }

    public AnnotationInfo withGroup(int newGroupId) {
        return new AnnotationInfo(label, attributes, source, confidence, occluded, zOrder, OptionalInt.of(newGroupId));
    }
}
