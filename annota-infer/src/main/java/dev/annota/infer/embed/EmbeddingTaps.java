package dev.annota.infer.embed;

import dev.annota.infer.onnx.GraphEdit.Pooling;
import java.util.List;
import java.util.Optional;

/**
 * The feature taps of the classifier presets, found by listing their graphs' nodes with
 * {@link dev.annota.infer.onnx.OnnxGraph}:
 * <ul>
 * <li>{@code squeezenet1.1-embed}: SqueezeNet 1.1 has no fully connected layer — its classifier is {@code conv10}
 *     (a 1×1 convolution to 1,000 channels) followed by the global average pool — so the last features before the
 *     classifier are {@code fire9/concat_1}, {@code [N, 512, 13, 13]} (fire9's expand 1×1 and 3×3 outputs
 *     concatenated, before the dropout), averaged over the 13×13 positions: 512 values.</li>
 * <li>{@code mobilenetv2-int8-embed}: MobileNetV2-int8's last convolution (1,280 channels, 7×7) dequantized,
 *     tensor {@code 627}, {@code [N, 1280, 7, 7]}, averaged: 1,280 values — the float twin of the quantized
 *     global pool ({@code 464_quantized}) that feeds the classifier's Gemm.</li>
 * </ul>
 */
public final class EmbeddingTaps {
    private static final List<EmbeddingTap> ALL = List.of(
            new EmbeddingTap("squeezenet1.1-embed", "squeezenet1.1", "fire9/concat_1", Pooling.GLOBAL_AVERAGE, 512),
            new EmbeddingTap("mobilenetv2-int8-embed", "mobilenetv2-int8", "627", Pooling.GLOBAL_AVERAGE, 1280));

    private EmbeddingTaps() {
    }

    public static List<EmbeddingTap> all() {
        return ALL;
    }

    /** The tap for the classifier preset {@code preset}. */
    public static Optional<EmbeddingTap> forPreset(String preset) {
        return ALL.stream().filter(t -> t.preset().equals(preset)).findFirst();
    }
}
