package dev.annota.infer.decode;

import dev.annota.core.error.AnnotaException;
import dev.annota.infer.ModelLabel;
import dev.annota.infer.descriptor.ModelDescriptor;
import dev.annota.infer.descriptor.OutputSpec;
import java.util.List;
import java.util.Map;

/** The decoder for a descriptor's {@code output} section. */
public final class Decoders {
    private Decoders() {
    }

    public static OutputDecoder forModel(ModelDescriptor d, List<ModelLabel> labels) {
        Labels l = new Labels(d.name(), labels);
        OutputSpec o = d.output();
        if (o instanceof OutputSpec.Classifier c) {
            return new ClassifierDecoder(c, d.task(), l);
        } else if (o instanceof OutputSpec.Yolox y) {
            return new YoloxDecoder(y, d.input().width(), d.input().height(), l);
        } else if (o instanceof OutputSpec.Boxes b) {
            return new BoxesDecoder(b, d.input().width(), d.input().height(), l);
        } else if (o instanceof OutputSpec.Mask m) {
            return new MaskDecoder(m, d.input().width(), d.input().height(), l);
        }
        return new EmbeddingDecoder((OutputSpec.Embedding) o, d.name());
    }

    /** The named output, or an error naming the model and what it does have. */
    static OutputTensor get(Map<String, OutputTensor> outputs, String name, String model) {
        OutputTensor t = outputs.get(name);
        if (t == null) {
            throw new AnnotaException(model + ": no output named '" + name + "' (outputs: " + String.join(", ", outputs.keySet()) + ")");
        }
        return t;
    }

    /** A model's class names with a check that the output has as many classes. */
    record Labels(String model, List<ModelLabel> all) {
        Labels {
            all = List.copyOf(all);
        }

        void expect(int classes, OutputTensor t) {
            if (classes != all.size()) {
                throw new AnnotaException(model + ": output '" + t.name() + "' has " + classes + " classes but the labels list "
                        + all.size() + " names (check the descriptor's labels)");
            }
        }

        ModelLabel get(int i) {
            return all.get(i);
        }
    }
}
