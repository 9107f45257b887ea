package dev.annota.core.schema;

import dev.annota.core.error.ValidationException;

/**
 * The fixed identity of a label class in a {@link LabelSchema}. Annotations refer to classes by this id,
 * never by list position or by name, so renaming or reordering classes never changes what an annotation
 * means.
 *
 * <p>A positive {@code int}, not a string: it is what COCO ({@code category_id}), CVAT and the database use,
 * it hashes and compares cheaply when a million items are counted, and a {@link LabelSchema.Builder} hands
 * it out, so there is no naming scheme to agree on. Format-specific identifiers (YOLO indices, CVAT label
 * names) are translated to ids inside their format package.
 */
public record LabelId(int value) implements Comparable<LabelId> {
    public LabelId {
        if (value < 1) {
            throw ValidationException.of("label", value, "expected a positive label id");
        }
    }

    public static LabelId of(int value) {
        return new LabelId(value);
    }

    @Override
    public int compareTo(LabelId other) {
        return Integer.compare(value, other.value);
    }

    /** The bare number, as it appears in files and error messages. */
    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
