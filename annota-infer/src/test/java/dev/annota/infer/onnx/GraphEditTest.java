package dev.annota.infer.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.infer.onnx.GraphEdit.Pooling;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protobuf reader and the graph edit on small models built here byte by byte. */
class GraphEditTest {
    /** A model: ir_version 3, producer "t", a graph Relu(x) -> y -> Neg -> z with output z (float), opset 7. */
    static byte[] model() {
        ProtoWriter relu = new ProtoWriter().stringField(1, "x").stringField(2, "y").stringField(3, "relu").stringField(4, "Relu");
        ProtoWriter neg = new ProtoWriter().stringField(1, "y").stringField(2, "z").stringField(4, "Neg");
        ProtoWriter floatType = new ProtoWriter().messageField(1, new ProtoWriter().varintField(1, 1));
        ProtoWriter graph = new ProtoWriter().messageField(1, relu).messageField(1, neg).stringField(2, "g")
                .messageField(11, new ProtoWriter().stringField(1, "x").messageField(2, floatType))
                .messageField(12, new ProtoWriter().stringField(1, "z").messageField(2, floatType));
        return new ProtoWriter().varintField(1, 3).stringField(2, "t").messageField(7, graph)
                .messageField(8, new ProtoWriter().varintField(2, 7)).toByteArray();
    }

    @Test
    void reads_nodes_inputs_outputs_and_declared_types() {
        OnnxGraph g = OnnxGraph.read(model());
        assertEquals(List.of(new GraphNode("relu", "Relu", List.of("x"), List.of("y")), new GraphNode("", "Neg", List.of("y"), List.of("z"))),
                g.nodes());
        assertEquals(List.of("x"), g.inputs());
        assertEquals(List.of("z"), g.outputs());
        assertEquals(1, g.elemType("z").orElseThrow());
        assertTrue(g.elemType("y").isEmpty());
    }

    @Test
    void exposes_an_intermediate_tensor_after_the_existing_outputs() {
        OnnxGraph g = OnnxGraph.read(GraphEdit.exposeOutput(model(), "y", Pooling.NONE, "y"));
        assertEquals(List.of("z", "y"), g.outputs());
        assertEquals(2, g.nodes().size());
        assertEquals(1, g.elemType("y").orElseThrow(), "typed like the first output");
    }

    @Test
    void pooling_appends_a_global_average_pool_node_writing_the_new_output() {
        OnnxGraph g = OnnxGraph.read(GraphEdit.exposeOutput(model(), "y", Pooling.GLOBAL_AVERAGE, "feat"));
        assertEquals(new GraphNode("annota_feat", "GlobalAveragePool", List.of("y"), List.of("feat")), g.nodes().get(2));
        assertEquals(List.of("z", "feat"), g.outputs());
    }

    @Test
    void keeps_every_other_field_of_the_model_byte_for_byte() {
        byte[] before = model();
        byte[] after = GraphEdit.exposeOutput(before, "y", Pooling.NONE, "y");
        List<ProtoReader.Field> a = ProtoReader.fields(before, 0, before.length);
        List<ProtoReader.Field> b = ProtoReader.fields(after, 0, after.length);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).number(), b.get(i).number());
            if (a.get(i).number() != OnnxGraph.MODEL_GRAPH) {
                assertArrayEquals(java.util.Arrays.copyOfRange(before, a.get(i).start(), a.get(i).end()),
                        java.util.Arrays.copyOfRange(after, b.get(i).start(), b.get(i).end()));
            }
        }
    }

    @Test
    void refuses_a_tensor_that_no_node_writes_and_an_output_name_already_used() {
        OnnxFormatException missing = assertThrows(OnnxFormatException.class, () -> GraphEdit.exposeOutput(model(), "w", Pooling.NONE, "w"));
        assertTrue(missing.getMessage().contains("'w'"), missing.getMessage());
        OnnxFormatException taken = assertThrows(OnnxFormatException.class,
                () -> GraphEdit.exposeOutput(model(), "y", Pooling.GLOBAL_AVERAGE, "z"));
        assertTrue(taken.getMessage().contains("'z' is already used"), taken.getMessage());
    }

    @Test
    void refuses_bytes_that_are_not_a_model() {
        byte[] m = model();
        byte[] cut = java.util.Arrays.copyOf(m, m.length - 3);
        assertTrue(assertThrows(OnnxFormatException.class, () -> OnnxGraph.read(cut)).getMessage().startsWith("not a valid ONNX protobuf"));
        byte[] noGraph = new ProtoWriter().varintField(1, 3).toByteArray();
        assertTrue(assertThrows(OnnxFormatException.class, () -> OnnxGraph.read(noGraph)).getMessage().contains("no graph"));
        assertThrows(OnnxFormatException.class, () -> OnnxGraph.read(new byte[] {(byte) 0xff, (byte) 0xff}));
    }
}
