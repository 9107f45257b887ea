package dev.annota.train.net;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.util.Pair;
import dev.annota.train.onnx.OnnxGraph;
import java.util.ArrayList;
import java.util.List;

/** The architectures (as {@link Layer} lists), their DJL blocks, and their export as ONNX nodes. */
public final class Networks {
    public static final float BN_EPSILON = 1e-5f;

    private Networks() {
    }

    /**
     * The small CNN for small images: two (conv 3×3 → batch norm → ReLU → 2×2 max pool) stages of 32 and 64
     * filters (a third of 128 when the input is 64 pixels or more), then dense 128 → dropout → classes.
     */
    public static List<Layer> smallCnn(int inputSize, int classes, float dropout) {
        List<Layer> l = new ArrayList<>();
        int[] filters = inputSize >= 64 ? new int[] {32, 64, 128} : new int[] {32, 64};
        for (int f : filters) {
            l.add(new Layer.Conv(f, 3, 1));
            l.add(new Layer.BatchNorm());
            l.add(new Layer.Relu());
            l.add(new Layer.MaxPool(2));
        }
        l.add(new Layer.Flatten());
        l.add(new Layer.Dense(128));
        l.add(new Layer.Relu());
        l.add(new Layer.Dropout(dropout));
        l.add(new Layer.Dense(classes));
        return l;
    }

    /** A linear head (hidden = 0) or an MLP with one hidden layer, dropout before the output layer. */
    public static List<Layer> head(int hidden, int classes, float dropout) {
        List<Layer> l = new ArrayList<>();
        if (hidden > 0) {
            l.add(new Layer.Dense(hidden));
            l.add(new Layer.Relu());
        }
        l.add(new Layer.Dropout(dropout));
        l.add(new Layer.Dense(classes));
        return l;
    }

    public static SequentialBlock block(List<Layer> layers) {
        SequentialBlock b = new SequentialBlock();
        for (Layer layer : layers) {
            b.add(djl(layer));
        }
        return b;
    }

    private static Block djl(Layer layer) {
        if (layer instanceof Layer.Conv c) {
            return Conv2d.builder().setFilters(c.filters()).setKernelShape(new Shape(c.kernel(), c.kernel()))
                    .optPadding(new Shape(c.padding(), c.padding())).build();
        } else if (layer instanceof Layer.BatchNorm) {
            return BatchNorm.builder().optEpsilon(BN_EPSILON).build();
        } else if (layer instanceof Layer.Relu) {
            return Activation.reluBlock();
        } else if (layer instanceof Layer.MaxPool p) {
            return Pool.maxPool2dBlock(new Shape(p.size(), p.size()), new Shape(p.size(), p.size()));
        } else if (layer instanceof Layer.Flatten) {
            return Blocks.batchFlattenBlock();
        } else if (layer instanceof Layer.Dense d) {
            return Linear.builder().setUnits(d.units()).build();
        }
        return Dropout.builder().optRate(((Layer.Dropout) layer).rate()).build();
    }

    /**
     * Appends the inference graph of {@code block} (built by {@link #block}) to {@code g}: reads {@code input},
     * writes the logits to the returned tensor name. {@code outputBias} is added to the last dense layer's
     * bias (per-label threshold shifts for multi-label models).
     */
    public static String export(List<Layer> layers, SequentialBlock block, OnnxGraph g, String input, String prefix,
            float[] outputBias) {
        List<Block> children = block.getChildren().values();
        int lastDense = -1;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof Layer.Dense) {
                lastDense = i;
            }
        }
        String x = input;
        for (int i = 0; i < layers.size(); i++) {
            Block child = children.get(i);
            String out = prefix + i;
            Layer layer = layers.get(i);
            if (layer instanceof Layer.Dropout) {
                continue;
            }
            if (layer instanceof Layer.Conv c) {
                NDArray w = param(child, "weight");
                g.initializer(out + "_w", w.getShape().getShape(), w.toFloatArray());
                g.initializer(out + "_b", new long[] {c.filters()}, param(child, "bias").toFloatArray());
                g.node("Conv", List.of(x, out + "_w", out + "_b"), out, "kernel_shape", new long[] {c.kernel(), c.kernel()},
                        "pads", new long[] {c.padding(), c.padding(), c.padding(), c.padding()}, "strides", new long[] {1, 1});
            } else if (layer instanceof Layer.BatchNorm) {
                List<String> in = new ArrayList<>(List.of(x));
                for (String name : new String[] {"gamma", "beta", "runningMean", "runningVar"}) {
                    NDArray a = param(child, name);
                    g.initializer(out + "_" + name, a.getShape().getShape(), a.toFloatArray());
                    in.add(out + "_" + name);
                }
                g.node("BatchNormalization", in, out, "epsilon", BN_EPSILON);
            } else if (layer instanceof Layer.Relu) {
                g.node("Relu", List.of(x), out);
            } else if (layer instanceof Layer.MaxPool p) {
                g.node("MaxPool", List.of(x), out, "kernel_shape", new long[] {p.size(), p.size()},
                        "strides", new long[] {p.size(), p.size()});
            } else if (layer instanceof Layer.Flatten) {
                g.node("Flatten", List.of(x), out, "axis", 1);
            } else if (layer instanceof Layer.Dense d) {
                NDArray w = param(child, "weight");
                float[] bias = param(child, "bias").toFloatArray();
                if (i == lastDense && outputBias != null) {
                    for (int k = 0; k < bias.length; k++) {
                        bias[k] += outputBias[k];
                    }
                }
                g.initializer(out + "_w", w.getShape().getShape(), w.toFloatArray());
                g.initializer(out + "_b", new long[] {d.units()}, bias);
                g.node("Gemm", List.of(x, out + "_w", out + "_b"), out, "transB", 1);
            }
            x = out;
        }
        return x;
    }

    private static NDArray param(Block block, String name) {
        for (Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
            if (p.getKey().equals(name)) {
                return p.getValue().getArray();
            }
        }
        throw new IllegalStateException("block " + block + " has no parameter " + name);
    }
}
