package dev.annota.store.embeddings;

import java.util.Objects;

/** The feature vector of one image (copied in and out). */
public record ImageVector(String imageId, float[] vector) {
    public ImageVector {
        Objects.requireNonNull(imageId, "imageId");
        if (vector.length == 0) {
            throw new IllegalArgumentException("an empty vector for image " + imageId);
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageVector v && v.imageId.equals(imageId) && java.util.Arrays.equals(v.vector, vector);
    }

    @Override
    public int hashCode() {
        return imageId.hashCode() * 31 + java.util.Arrays.hashCode(vector);
    }
}
