package dev.annota.infer.onnx;

import dev.annota.infer.onnx.ProtoReader.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Annota needs to know of an ONNX model's main graph, read straight from the {@code ModelProto} bytes: its
 * nodes in order, the names of its inputs and outputs, and the element type of every tensor whose type the file
 * declares. Field numbers are those of {@code onnx.proto3}: ModelProto.graph = 7; GraphProto.node = 1, input = 11,
 * output = 12, value_info = 13; NodeProto.input = 1, output = 2, name = 3, op_type = 4; ValueInfoProto.name = 1,
 * type = 2; TypeProto.tensor_type = 1; TypeProto.Tensor.elem_type = 1.
 */
public final class OnnxGraph {
    static final int MODEL_GRAPH = 7;
    static final int GRAPH_NODE = 1;
    static final int GRAPH_INPUT = 11;
    static final int GRAPH_OUTPUT = 12;
    static final int GRAPH_VALUE_INFO = 13;
    /** TensorProto.DataType FLOAT. */
    public static final int FLOAT = 1;

    private final List<GraphNode> nodes;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, Integer> elemTypes;

    private OnnxGraph(List<GraphNode> nodes, List<String> inputs, List<String> outputs, Map<String, Integer> elemTypes) {
        this.nodes = List.copyOf(nodes);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.elemTypes = Map.copyOf(elemTypes);
    }

    /** Reads the graph of a serialized {@code ModelProto}. */
    public static OnnxGraph read(byte[] model) {
        Field graph = graphField(model);
        List<GraphNode> nodes = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        Map<String, Integer> types = new HashMap<>();
        for (Field f : ProtoReader.fields(model, graph.valueStart(), graph.end())) {
            if (f.wireType() != ProtoReader.LENGTH_DELIMITED) {
                continue;
            }
            switch (f.number()) {
                case GRAPH_NODE -> nodes.add(node(model, f));
                case GRAPH_INPUT -> inputs.add(valueInfo(model, f, types));
                case GRAPH_OUTPUT -> outputs.add(valueInfo(model, f, types));
                case GRAPH_VALUE_INFO -> valueInfo(model, f, types);
                default -> {
                    // initializers, doc strings, …: not needed
                }
            }
        }
        return new OnnxGraph(nodes, inputs, outputs, types);
    }

    /** The {@code graph} field of the model (the last one, as protobuf merges repeated occurrences of a message). */
    static Field graphField(byte[] model) {
        Field graph = null;
        for (Field f : ProtoReader.fields(model, 0, model.length)) {
            if (f.number() == MODEL_GRAPH && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                graph = f;
            }
        }
        if (graph == null) {
            throw new OnnxFormatException("not an ONNX model: the ModelProto has no graph");
        }
        return graph;
    }

    private static GraphNode node(byte[] b, Field node) {
        String name = "";
        String op = "";
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (Field f : ProtoReader.fields(b, node.valueStart(), node.end())) {
            if (f.wireType() != ProtoReader.LENGTH_DELIMITED) {
                continue;
            }
            switch (f.number()) {
                case 1 -> in.add(f.string(b));
                case 2 -> out.add(f.string(b));
                case 3 -> name = f.string(b);
                case 4 -> op = f.string(b);
                default -> {
                    // attributes, domain, doc string
                }
            }
        }
        return new GraphNode(name, op, in, out);
    }

    /** A ValueInfoProto's name; records its tensor element type in {@code types} when declared. */
    private static String valueInfo(byte[] b, Field info, Map<String, Integer> types) {
        String name = "";
        Integer elemType = null;
        for (Field f : ProtoReader.fields(b, info.valueStart(), info.end())) {
            if (f.number() == 1 && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                name = f.string(b);
            } else if (f.number() == 2 && f.wireType() == ProtoReader.LENGTH_DELIMITED) {
                for (Field t : ProtoReader.fields(b, f.valueStart(), f.end())) {
                    if (t.number() == 1 && t.wireType() == ProtoReader.LENGTH_DELIMITED) {
                        for (Field e : ProtoReader.fields(b, t.valueStart(), t.end())) {
                            if (e.number() == 1 && e.wireType() == ProtoReader.VARINT) {
                                elemType = (int) e.varint();
                            }
                        }
                    }
                }
            }
        }
        if (elemType != null && !name.isEmpty()) {
            types.put(name, elemType);
        }
        return name;
    }

    public List<GraphNode> nodes() {
        return nodes;
    }

    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** The element type the file declares for {@code tensor} (TensorProto.DataType), if it declares one. */
    public Optional<Integer> elemType(String tensor) {
        return Optional.ofNullable(elemTypes.get(tensor));
    }

    /** The node that writes {@code tensor}, if any (graph inputs and initializers have none). */
    public Optional<GraphNode> producer(String tensor) {
        return nodes.stream().filter(n -> n.outputs().contains(tensor)).findFirst();
    }
}
