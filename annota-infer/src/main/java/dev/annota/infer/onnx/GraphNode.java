package dev.annota.infer.onnx;

import java.util.List;
import java.util.Objects;

/** One node of an ONNX graph: its name (often empty), operator, and the names of the tensors it reads and writes. */
public record GraphNode(String name, String opType, List<String> inputs, List<String> outputs) {
    public GraphNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opType, "opType");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }
}
