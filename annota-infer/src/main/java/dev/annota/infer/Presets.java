package dev.annota.infer;

import dev.annota.core.error.AnnotaException;
import dev.annota.infer.descriptor.DescriptorReader;
import dev.annota.infer.descriptor.ModelDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Descriptors for well-known models, shipped in this jar ({@code dev/annota/infer/presets/NAME.json}) and
 * listed here explicitly, in the order {@link ModelPackages} tries them.
 */
public final class Presets {
    /** Every preset name, in matching order. */
    public static final List<String> NAMES = List.of("squeezenet1.1", "squeezenet1.1-fp16", "mobilenetv2-int8", "yolox-nano",
            "ultraface-rfb-320", "u2netp");

    private static final List<ModelDescriptor> ALL = NAMES.stream().map(Presets::load).toList();

    private Presets() {
    }

    public static List<ModelDescriptor> all() {
        return ALL;
    }

    private static ModelDescriptor load(String name) {
        String resource = "presets/" + name + ".json";
        try (InputStream in = Presets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AnnotaException("preset " + name + " is missing from the jar (" + resource + ")");
            }
            return DescriptorReader.read(in, "preset " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
