package dev.annota.app.models;

import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.Presets;
import dev.annota.infer.descriptor.ModelDescriptor;
import java.util.Map;

/**
 * {@code annota models pull NAME}: the known models and where they come from. This build never downloads
 * (nothing may be fetched at run time), so a pull always fails with a message naming the file to fetch by
 * hand, where from, and its sha256, followed by {@code annota models add FILE}.
 */
public final class ModelPulls {
    private static final Map<String, String> SOURCES = Map.of(
            "squeezenet1.1", "the ONNX Model Zoo (https://github.com/onnx/models, validated/vision/classification/squeezenet)",
            "squeezenet1.1-fp16", "Windows Machine Learning (https://github.com/microsoft/Windows-Machine-Learning, SharedContent/models/SqueezeNet_fp16.onnx)",
            "mobilenetv2-int8", "the ONNX Model Zoo (https://github.com/onnx/models, validated/vision/classification/mobilenet)",
            "yolox-nano", "the YOLOX releases (https://github.com/Megvii-BaseDetection/YOLOX, ONNX models)",
            "ultraface-rfb-320", "the ONNX Model Zoo (https://github.com/onnx/models, validated/vision/body_analysis/ultraface)",
            "u2netp", "the rembg releases (https://github.com/danielgatis/rembg)");

    private ModelPulls() {
    }

    /** Always throws: a {@link ValidationException} for an unknown name, else the fetch-by-hand message. */
    public static void pull(String name) {
        ModelDescriptor d = ModelPackages.preset(name).orElseThrow(() -> ValidationException.of("NAME", name,
                "a known model: " + String.join(", ", Presets.NAMES)));
        throw new AnnotaException("cannot download " + name + ": this build does not download models at run time. Fetch "
                + d.modelFile() + " from " + SOURCES.getOrDefault(name, "its publisher") + ", check that its sha256 is "
                + d.sha256().orElse("(not pinned)") + " (sha256sum " + d.modelFile() + "), then run: annota models add "
                + d.modelFile());
    }
}
