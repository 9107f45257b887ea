package dev.annota.infer.decode;

import dev.annota.infer.Embedding;
import dev.annota.infer.Prediction;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.image.InputTransform;
import java.util.Arrays;
import java.util.Map;

/** A feature vector per image, optionally scaled to unit length. */
final class EmbeddingDecoder implements OutputDecoder {
    private final OutputSpec.Embedding spec;
    private final String model;

    EmbeddingDecoder(OutputSpec.Embedding spec, String model) {
        this.spec = spec;
        this.model = model;
    }

    @Override
    public Prediction decode(Map<String, OutputTensor> outputs, int item, InputTransform transform, Postprocess post) {
        OutputTensor t = Decoders.get(outputs, spec.name(), model);
        int n = t.perItem();
        float[] v = Arrays.copyOfRange(t.data(), item * n, item * n + n);
        if (spec.l2Normalize()) {
            double sum = 0;
            for (float x : v) {
                sum += (double) x * x;
            }
            double norm = Math.sqrt(sum);
            if (norm > 0) {
                for (int i = 0; i < n; i++) {
                    v[i] = (float) (v[i] / norm);
                }
            }
        }
        return Prediction.ofEmbedding(transform.original(), new Embedding(v));
    }
}
