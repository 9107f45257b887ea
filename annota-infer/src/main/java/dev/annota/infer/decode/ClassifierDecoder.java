package dev.annota.infer.decode;

import dev.annota.infer.ClassScore;
import dev.annota.infer.Prediction;
import dev.annota.infer.descriptor.Activation;
import dev.annota.infer.descriptor.OutputSpec;
import dev.annota.infer.descriptor.Postprocess;
import dev.annota.infer.descriptor.Task;
import dev.annota.infer.image.InputTransform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Scores per class ({@code [N, C]}, {@code [N, C, 1, 1]}): activation, threshold, top-k. */
final class ClassifierDecoder implements OutputDecoder {
    private final OutputSpec.Classifier spec;
    private final Task task;
    private final Decoders.Labels labels;

    ClassifierDecoder(OutputSpec.Classifier spec, Task task, Decoders.Labels labels) {
        this.spec = spec;
        this.task = task;
        this.labels = labels;
    }

    @Override
    public Prediction decode(Map<String, OutputTensor> outputs, int item, InputTransform transform, Postprocess post) {
        OutputTensor t = Decoders.get(outputs, spec.name(), labels.model());
        int c = t.perItem();
        labels.expect(c, t);
        int off = item * c;
        double[] scores = switch (spec.activation()) {
            case SOFTMAX -> Activations.softmax(t.data(), off, c);
            case SIGMOID, NONE -> {
                double[] s = new double[c];
                for (int i = 0; i < c; i++) {
                    float v = t.data()[off + i];
                    s[i] = spec.activation() == Activation.SIGMOID ? Activations.sigmoid(v) : v;
                }
                yield s;
            }
        };
        List<ClassScore> out = new ArrayList<>();
        for (int i = 0; i < c; i++) {
            if (scores[i] >= post.scoreThreshold()) {
                out.add(new ClassScore(labels.get(i), scores[i]));
            }
        }
        out.sort(Comparator.comparingDouble(ClassScore::score).reversed());
        int k = task == Task.CLASSIFICATION || task == Task.MULTI_LABEL ? post.topK() : c;
        return Prediction.ofClasses(transform.original(), out.subList(0, Math.min(k, out.size())));
    }
}
