package dev.annota.infer;

import dev.annota.core.error.AnnotaException;
import dev.annota.infer.descriptor.DescriptorReader;
import dev.annota.infer.descriptor.LabelSource;
import dev.annota.infer.descriptor.ModelDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the descriptor for a model path. The rule:
 * <ol>
 * <li>a {@code .json} file is the descriptor; its {@code model} is relative to its folder;</li>
 * <li>a folder with {@code model.json} uses it;</li>
 * <li>an {@code .onnx} file with a {@code model.json} beside it that names it uses that;</li>
 * <li>otherwise the ONNX file (or each {@code .onnx} file of the folder, by name) is matched to a
 *     {@link Presets preset}: first by content (the preset's sha256), then by file name; presets are tried in
 *     {@link Presets#NAMES} order.</li>
 * </ol>
 * A descriptor's {@code sha256}, when given, must match the file. Labels files are read relative to the
 * descriptor's folder (for presets: the model's folder).
 */
public final class ModelPackages {
    public static final String DESCRIPTOR = "model.json";

    private ModelPackages() {
    }

    public static ModelPackage resolve(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new AnnotaException(path + ": no such model file or folder");
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (Files.isRegularFile(path) && name.endsWith(".json")) {
            return fromDescriptor(path);
        }
        if (Files.isDirectory(path)) {
            Path descriptor = path.resolve(DESCRIPTOR);
            if (Files.isRegularFile(descriptor)) {
                return fromDescriptor(descriptor);
            }
            List<Path> onnx;
            try (Stream<Path> s = Files.list(path)) {
                onnx = s.filter(p -> p.getFileName().toString().endsWith(".onnx") && Files.isRegularFile(p)).sorted().toList();
            }
            if (onnx.isEmpty()) {
                throw new AnnotaException(path + ": no " + DESCRIPTOR + " and no .onnx file in this folder");
            }
            return fromPreset(path, onnx);
        }
        Path sibling = path.toAbsolutePath().getParent().resolve(DESCRIPTOR);
        if (Files.isRegularFile(sibling)) {
            ModelPackage p = fromDescriptor(sibling);
            if (Files.isSameFile(p.modelFile(), path)) {
                return p;
            }
        }
        return fromPreset(path, List.of(path));
    }

    private static ModelPackage fromDescriptor(Path file) throws IOException {
        ModelDescriptor d = DescriptorReader.read(file);
        Path base = file.toAbsolutePath().getParent();
        Path model = base.resolve(d.modelFile());
        if (!Files.isRegularFile(model)) {
            throw new AnnotaException(file + "#/model: field 'model': expected an existing ONNX file, got \"" + d.modelFile() + "\"");
        }
        if (d.sha256().isPresent() && !d.sha256().get().equals(sha256(model))) {
            throw new AnnotaException(file + "#/sha256: field 'sha256': expected the sha256 of " + model.getFileName()
                    + " (" + sha256(model) + "), got \"" + d.sha256().get() + "\"");
        }
        return new ModelPackage(d, model, labels(d, base, file + "#/labels"), DESCRIPTOR + " at " + file);
    }

    private static ModelPackage fromPreset(Path where, List<Path> candidates) throws IOException {
        Map<Path, String> hashes = new HashMap<>();
        for (Path p : candidates) {
            hashes.put(p, sha256(p));
        }
        for (ModelDescriptor d : Presets.all()) {
            for (Path p : candidates) {
                if (d.sha256().isPresent() && d.sha256().get().equals(hashes.get(p))) {
                    return preset(d, p);
                }
            }
        }
        for (ModelDescriptor d : Presets.all()) {
            for (Path p : candidates) {
                if (p.getFileName().toString().equals(d.modelFile())) {
                    return preset(d, p);
                }
            }
        }
        throw new AnnotaException(where + ": no " + DESCRIPTOR + " and no preset matches "
                + String.join(", ", candidates.stream().map(p -> p.getFileName().toString()).toList())
                + " (presets: " + String.join(", ", Presets.NAMES) + "); write a " + DESCRIPTOR + " beside the model");
    }

    private static ModelPackage preset(ModelDescriptor d, Path model) throws IOException {
        Path base = model.toAbsolutePath().getParent();
        return new ModelPackage(d, model.toAbsolutePath(), labels(d, base, "preset " + d.name() + " labels"), "preset " + d.name());
    }

    private static List<ModelLabel> labels(ModelDescriptor d, Path base, String where) throws IOException {
        List<String> names;
        if (d.labels() instanceof LabelSource.File f) {
            Path file = base.resolve(f.path());
            if (!Files.isRegularFile(file)) {
                throw new AnnotaException(where + ": labels file " + file + " does not exist (one class name a line)");
            }
            names = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList());
            while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
                names.remove(names.size() - 1);
            }
        } else {
            names = ((LabelSource.Inline) d.labels()).names();
        }
        List<ModelLabel> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(new ModelLabel(i, names.get(i)));
        }
        return out;
    }

    /** The sha256 of a file, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The preset whose name is {@code name}. */
    public static Optional<ModelDescriptor> preset(String name) {
        return Presets.all().stream().filter(d -> d.name().equals(name)).findFirst();
    }
}
