package dev.annota.train.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds an ONNX graph by hand (nodes, float initializers, inputs and outputs) and encodes it as a
 * {@code ModelProto}: a standalone model ({@link #model}) or a fragment that extends an existing model
 * ({@link #appendTo}). The fragment relies on protocol-buffers merge semantics: a serialised message followed by
 * another is parsed as their merge, so the second graph's nodes, initializers and outputs are appended to the
 * first's. Field numbers are those of onnx.proto3.
 */
public final class OnnxGraph {
    private static final int FLOAT = 1;
    private final List<Proto> nodes = new ArrayList<>();
    private final List<Proto> initializers = new ArrayList<>();
    private final List<Proto> inputs = new ArrayList<>();
    private final List<Proto> outputs = new ArrayList<>();
    private final List<Proto> initializerInputs = new ArrayList<>();
    private int counter;

    /** A node with int, float and ints attributes given as name/value pairs. */
    public OnnxGraph node(String op, List<String> in, String out, Object... attributes) {
        Proto n = new Proto();
        in.forEach(s -> n.string(1, s));
        n.string(2, out);
        n.string(3, op + "_" + counter++);
        n.string(4, op);
        for (int i = 0; i < attributes.length; i += 2) {
            Proto a = new Proto().string(1, (String) attributes[i]);
            Object v = attributes[i + 1];
            if (v instanceof Integer || v instanceof Long) {
                a.varint(3, ((Number) v).longValue()).varint(20, 2);
            } else if (v instanceof Float || v instanceof Double) {
                a.float32(2, ((Number) v).floatValue()).varint(20, 1);
            } else if (v instanceof long[] ints) {
                for (long x : ints) {
                    a.varint(8, x);
                }
                a.varint(20, 7);
            } else {
                throw new IllegalArgumentException("attribute " + attributes[i] + ": unsupported value " + v);
            }
            n.message(5, a);
        }
        nodes.add(n);
        return this;
    }

    /** A float tensor stored in the graph. */
    public OnnxGraph initializer(String name, long[] dims, float[] values) {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for dims of " + count);
        }
        Proto t = new Proto();
        for (long d : dims) {
            t.varint(1, d);
        }
        t.varint(2, FLOAT).string(8, name);
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        t.bytes(9, raw.array());
        initializers.add(t);
        initializerInputs.add(valueInfo(name, dims));
        return this;
    }

    /** A float graph input; a negative dimension is the symbolic batch axis {@code N}. */
    public OnnxGraph input(String name, long... dims) {
        inputs.add(valueInfo(name, dims));
        return this;
    }

    public OnnxGraph output(String name, long... dims) {
        outputs.add(valueInfo(name, dims));
        return this;
    }

    private static Proto valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            shape.message(1, d < 0 ? new Proto().string(2, "N") : new Proto().varint(1, d));
        }
        Proto tensor = new Proto().varint(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    private Proto graph(String name, boolean initializersAsInputs) {
        Proto g = new Proto();
        nodes.forEach(n -> g.message(1, n));
        if (name != null) {
            g.string(2, name);
        }
        initializers.forEach(t -> g.message(5, t));
        inputs.forEach(i -> g.message(11, i));
        if (initializersAsInputs) {
            initializerInputs.forEach(i -> g.message(11, i));
        }
        outputs.forEach(o -> g.message(12, o));
        return g;
    }

    /** A standalone model (IR version 7, default-domain opset 13). */
    public byte[] model(String name) {
        return new Proto().varint(1, 7).string(2, "annota-train").message(7, graph(name, false))
                .message(8, new Proto().string(1, "").varint(2, 13)).toByteArray();
    }

    /**
     * The bytes of {@code base} (an ONNX model) with this graph's nodes, initializers and outputs appended to its
     * graph. Models of IR version 3 and older list every initializer as a graph input too, so they get them as
     * inputs as well.
     */
    public byte[] appendTo(byte[] base) {
        long ir = Proto.readVarint(base, 1);
        byte[] fragment = new Proto().message(7, graph(null, ir >= 0 && ir < 4)).toByteArray();
        byte[] merged = new byte[base.length + fragment.length];
        System.arraycopy(base, 0, merged, 0, base.length);
        System.arraycopy(fragment, 0, merged, base.length, fragment.length);
        return merged;
    }
}
