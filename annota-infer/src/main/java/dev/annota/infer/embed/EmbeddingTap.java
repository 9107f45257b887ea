package dev.annota.infer.embed;

import dev.annota.infer.onnx.GraphEdit;
import java.util.Objects;

/**
 * Where a classifier's features are taken from: the intermediate tensor of preset {@code preset} that becomes a
 * graph output, pooled as said, L2-normalised; the embedding model is then called {@code key}.
 *
 * @param key       the embedding model's name (stored with every vector), e.g. {@code squeezenet1.1-embed}
 * @param preset    the classifier preset the tap applies to
 * @param tensor    the ONNX tensor name inside that model
 * @param pooling   how the tensor is reduced to a vector
 * @param dimension the length of the vector
 */
public record EmbeddingTap(String key, String preset, String tensor, GraphEdit.Pooling pooling, int dimension) {
    public EmbeddingTap {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(pooling, "pooling");
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + dimension);
        }
    }
}
