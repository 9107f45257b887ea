package dev.annota.infer.descriptor;

import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/** How a model's output tensors are decoded: one record per decoder family ({@code output.decoder}). */
public sealed interface OutputSpec {
    /** The ONNX output names this decoder reads. */
    List<String> tensorNames();

    /** Whether the decoder produces results of {@code task}. */
    boolean serves(Task task);

    /** Scores per class: {@code [N, C]} or {@code [N, C, 1, 1]}. */
    record Classifier(String name, Activation activation) implements OutputSpec {
        public Classifier {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(activation, "activation");
        }

        public List<String> tensorNames() {
            return List.of(name);
        }

        public boolean serves(Task task) {
            return task == Task.CLASSIFICATION || task == Task.MULTI_LABEL;
        }
    }

    /**
     * YOLOX head, {@code [N, A, 5 + C]}: per anchor point {@code dx, dy, log w, log h, objectness, class
     * scores} (sigmoids applied), anchor points row-major per stride, strides in the given order.
     */
    record Yolox(String name, List<Integer> strides) implements OutputSpec {
        public Yolox {
            Objects.requireNonNull(name, "name");
            strides = List.copyOf(strides);
            if (strides.isEmpty() || strides.stream().anyMatch(s -> s < 1)) {
                throw ValidationException.of("strides", strides, "expected one or more positive strides");
            }
        }

        public List<String> tensorNames() {
            return List.of(name);
        }

        public boolean serves(Task task) {
            return task == Task.DETECTION;
        }
    }

    /**
     * SSD-style detector with decoded boxes: {@code scores [N, A, C]} and {@code boxes [N, A, 4]}. Class
     * {@code background} (when present) is never reported.
     */
    record Boxes(String scores, String boxes, BoxFormat format, OptionalInt background) implements OutputSpec {
        public Boxes {
            Objects.requireNonNull(scores, "scores");
            Objects.requireNonNull(boxes, "boxes");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(background, "background");
        }

        public List<String> tensorNames() {
            return List.of(scores, boxes);
        }

        public boolean serves(Task task) {
            return task == Task.DETECTION;
        }
    }

    /**
     * A one-channel probability map {@code [N, 1, H, W]} (or {@code [N, H, W]}) at the model's input size,
     * optionally stretched to 0–1 by its min and max, thresholded into a binary mask of the original image.
     */
    record Mask(String name, boolean minMaxNormalize, double threshold) implements OutputSpec {
        public Mask {
            Objects.requireNonNull(name, "name");
            if (!(threshold > 0 && threshold < 1)) {
                throw ValidationException.of("threshold", threshold, "expected a number strictly between 0 and 1");
            }
        }

        public List<String> tensorNames() {
            return List.of(name);
        }

        public boolean serves(Task task) {
            return task == Task.SEGMENTATION;
        }
    }

    /** A feature vector {@code [N, D]} (trailing 1-sized axes allowed), optionally scaled to unit length. */
    record Embedding(String name, boolean l2Normalize) implements OutputSpec {
        public Embedding {
            Objects.requireNonNull(name, "name");
        }

        public List<String> tensorNames() {
            return List.of(name);
        }

        public boolean serves(Task task) {
            return task == Task.EMBEDDING;
        }
    }
}
