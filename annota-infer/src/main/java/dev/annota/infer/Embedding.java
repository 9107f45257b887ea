package dev.annota.infer;

import dev.annota.core.error.ValidationException;

/** A feature vector of one image. The array is copied in and out. */
public record Embedding(float[] vector) {
    public Embedding {
        if (vector.length == 0) {
            throw ValidationException.of("vector", "[]", "expected at least one value");
        }
        vector = vector.clone();
    }

    @Override
    public float[] vector() {
        return vector.clone();
    }

    public int dimension() {
        return vector.length;
    }
}
