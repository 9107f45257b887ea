package dev.annota.infer;

import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.ModelDescriptor;
import dev.annota.infer.descriptor.ResizeFilter;
import dev.annota.infer.descriptor.Postprocess;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A model ready to load: its descriptor, the ONNX file, the class names, and where the descriptor came from
 * ({@code "model.json at PATH"} or {@code "preset NAME"}) for messages and provenance.
 */
public record ModelPackage(ModelDescriptor descriptor, Path modelFile, List<ModelLabel> labels, String source) {
    public ModelPackage {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(modelFile, "modelFile");
        Objects.requireNonNull(source, "source");
        labels = List.copyOf(labels);
    }

    /** The same package with other postprocessing (command-line or per-job overrides). */
    public ModelPackage withPostprocess(Postprocess p) {
        return new ModelPackage(descriptor.withPostprocess(p), modelFile, labels, source);
    }

    /** The same package resizing with another filter. */
    public ModelPackage withResizeFilter(ResizeFilter f) {
        InputSpec in = descriptor.input();
        return new ModelPackage(descriptor.withInput(in.withResize(in.resize().withFilter(f))), modelFile, labels, source);
    }

    public String name() {
        return descriptor.name();
    }
}
