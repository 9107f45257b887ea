package dev.annota.core.item;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoundsPolicy;
import dev.annota.core.annotation.SchemaValidator;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One image of a dataset with its annotations.
 *
 * @param id          unique within its dataset; non-blank (formats derive it from a file name or an image id)
 * @param image       where the image is
 * @param subset      the split it belongs to ({@code train}, {@code val}…; {@link #DEFAULT_SUBSET} when the
 *                    source has none); non-blank
 * @param annotations in the order of the source
 * @param metadata    free key/value pairs (camera, store, licence…), kept sorted by key
 */
public record Item(String id, ImageRef image, String subset, List<Annotation> annotations, Map<String, String> metadata) {
    /** The subset of items from sources without splits. */
    public static final String DEFAULT_SUBSET = "default";

    public Item {
        if (id == null || id.isBlank()) {
            throw ValidationException.of("id", id, "expected a non-blank item id");
        }
        Objects.requireNonNull(image, "image");
        if (subset == null || subset.isBlank()) {
            throw ValidationException.of("subset", subset, "expected a non-blank subset name");
        }
        annotations = List.copyOf(annotations);
        metadata = Collections.unmodifiableMap(new TreeMap<>(metadata));
    }

    /** An item in the default subset without metadata. */
    public static Item of(String id, ImageRef image, List<? extends Annotation> annotations) {
        return new Item(id, image, DEFAULT_SUBSET, List.copyOf(annotations), Map.of());
    }

    public Item withAnnotations(List<? extends Annotation> newAnnotations) {
        return new Item(id, image, subset, List.copyOf(newAnnotations), metadata);
    }

    public Item withSubset(String newSubset) {
        return new Item(id, image, newSubset, annotations, metadata);
    }

    public Item withMetadata(Map<String, String> newMetadata) {
        return new Item(id, image, subset, annotations, newMetadata);
    }

    /**
     * This item checked against {@code schema} and, when the image size is known, made to fit the image
     * under {@code policy}. Every problem of every annotation is reported in one {@link ValidationException},
     * each error located at {@code item ID: annotations[i]}. Returns this item when nothing had to change.
     */
    public Item validated(LabelSchema schema, BoundsPolicy policy) {
        List<FieldError> errors = new ArrayList<>(SchemaValidator.errors(schema, annotations));
        List<Annotation> fitted = annotations;
        if (image.size().isPresent()) {
            try {
                fitted = policy.applyAll(annotations, image.size().get());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            String where = "item " + id + ": ";
            throw new ValidationException(errors.stream().map(e -> e.at(where)).toList());
        }
        return fitted.equals(annotations) ? this : withAnnotations(fitted);
    }
}
