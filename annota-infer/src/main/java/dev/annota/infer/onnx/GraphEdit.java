package dev.annota.infer.onnx;

import dev.annota.infer.onnx.ProtoReader.Field;
import java.util.Objects;

/**
 * Makes an intermediate tensor of an ONNX model a graph output, so that ONNX Runtime returns it (it only returns
 * graph outputs). Optionally it first appends a {@code GlobalAveragePool} node (in ONNX since opset 1) that
 * averages the tensor over its spatial axes: {@code [N, C, H, W]} → {@code [N, C, 1, 1]}, the pooled features of a
 * convolutional backbone.
 *
 * <p>The edit is made on the bytes: the new node and the new {@code ValueInfoProto} output are appended to the
 * {@code GraphProto} (repeated fields keep their order, so the new output comes after the existing ones), and the
 * {@code ModelProto} is written again with every other field copied byte for byte. The output is declared with the
 * tensor's element type when the file states it, else with the type of the graph's first output, and no shape (ONNX
 * Runtime infers it). Without pooling and under another name, an {@code Identity} node makes the new name.
 */
public final class GraphEdit {
    private GraphEdit() {
    }

    /** How the exposed tensor is reduced. */
    public enum Pooling {
        /** The tensor as it is. */
        NONE,
        /** The mean over every axis after the first two (GlobalAveragePool). */
        GLOBAL_AVERAGE
    }

    /**
     * The model with {@code tensor} (pooled as asked) as a new graph output named {@code outputName}.
     *
     * @throws OnnxFormatException when the bytes are not a model, no node writes {@code tensor}, or
     *                             {@code outputName} is already a tensor of the graph
     */
    public static byte[] exposeOutput(byte[] model, String tensor, Pooling pooling, String outputName) {
        Objects.requireNonNull(tensor, "tensor");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(outputName, "outputName");
        OnnxGraph graph = OnnxGraph.read(model);
        if (graph.producer(tensor).isEmpty() && !graph.inputs().contains(tensor)) {
            throw new OnnxFormatException("no node of the model writes tensor '" + tensor + "' (list the node outputs with OnnxGraph)");
        }
        boolean taken = graph.inputs().contains(outputName) || graph.outputs().contains(outputName)
                || graph.nodes().stream().anyMatch(n -> n.outputs().contains(outputName));
        if (taken && !(pooling == Pooling.NONE && tensor.equals(outputName))) {
            throw new OnnxFormatException("tensor name '" + outputName + "' is already used in the model");
        }
        if (pooling == Pooling.NONE && graph.outputs().contains(tensor) && tensor.equals(outputName)) {
            return model.clone();
        }
        int elemType = graph.elemType(tensor).orElseGet(() -> graph.outputs().isEmpty() ? OnnxGraph.FLOAT
                : graph.elemType(graph.outputs().get(0)).orElse(OnnxGraph.FLOAT));
        Field graphField = OnnxGraph.graphField(model);
        ProtoWriter newGraph = new ProtoWriter().raw(model, graphField.valueStart(), graphField.end());
        String exposed = tensor;
        if (pooling == Pooling.GLOBAL_AVERAGE || !tensor.equals(outputName)) {
            String op = pooling == Pooling.GLOBAL_AVERAGE ? "GlobalAveragePool" : "Identity";
            newGraph.messageField(OnnxGraph.GRAPH_NODE, new ProtoWriter()
                    .stringField(1, tensor)
                    .stringField(2, outputName)
                    .stringField(3, "annota_" + outputName)
                    .stringField(4, op));
            exposed = outputName;
        }
        ProtoWriter tensorType = new ProtoWriter().varintField(1, elemType);
        ProtoWriter type = new ProtoWriter().messageField(1, tensorType);
        newGraph.messageField(OnnxGraph.GRAPH_OUTPUT, new ProtoWriter().stringField(1, exposed).messageField(2, type));

        ProtoWriter out = new ProtoWriter();
        for (Field f : ProtoReader.fields(model, 0, model.length)) {
            if (f.start() == graphField.start()) {
                out.messageField(OnnxGraph.MODEL_GRAPH, newGraph);
            } else {
                out.raw(model, f.start(), f.end());
            }
        }
        return out.toByteArray();
    }
}
