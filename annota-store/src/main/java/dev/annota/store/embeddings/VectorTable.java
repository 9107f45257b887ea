package dev.annota.store.embeddings;

import java.util.List;
import java.util.Objects;

/**
 * The vectors of a project for one model, packed: row {@code i} is image {@code imageIds.get(i)}, its values at
 * {@code values[i * dim, (i + 1) * dim)}. Rows are in image-id order. Owned by the caller after loading (not copied:
 * it is large).
 *
 * @param stamp what the stored vectors looked like when loaded (see {@link ImageEmbeddings#stamp})
 */
public record VectorTable(String projectId, String modelKey, int dim, List<String> imageIds, float[] values, Stamp stamp) {
    public VectorTable {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(stamp, "stamp");
        imageIds = List.copyOf(imageIds);
        if (dim < 0 || (long) imageIds.size() * dim != values.length) {
            throw new IllegalArgumentException(imageIds.size() + " rows of " + dim + " values do not make " + values.length);
        }
    }

    public int size() {
        return imageIds.size();
    }

    /** How many vectors there are and when the newest was written: changes with every write and delete. */
    public record Stamp(long count, long newest) {
    }
}
