package dev.annota.app.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.error.AnnotaException;
import dev.annota.infer.ModelLabel;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.descriptor.LabelSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Copies a resolved model package into the data folder, content-addressed: {@code models/<sha256>/} holds the
 * ONNX file under its own name and either a {@code model.json} (the package's descriptor with {@code model}
 * set to that name and the labels written inline) or, for a preset, the preset's labels file — so that
 * {@link ModelPackages#resolve} on the folder finds the same package again. The folder is built beside its
 * place and renamed into it, so it is whole or absent.
 */
final class ModelStorage {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dataDir;

    ModelStorage(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** The folder of a stored model, from its path relative to the data folder. */
    Path folder(String relative) {
        Path p = dataDir.resolve(relative).normalize();
        if (!p.startsWith(dataDir.resolve("models"))) {
            throw new IllegalStateException("a model path outside the models folder: " + relative);
        }
        return p;
    }

    /** Stores {@code pkg} (whose ONNX file hashes to {@code sha256}); returns the folder relative to the data folder. */
    String store(ModelPackage pkg, String sha256, String descriptorJson) throws IOException {
        String relative = "models/" + sha256;
        Path target = dataDir.resolve(relative);
        if (Files.isDirectory(target)) {
            return relative;
        }
        Path tmp = dataDir.resolve("tmp").resolve("model-" + UUID.randomUUID());
        Files.createDirectories(tmp);
        try {
            String onnxName = pkg.modelFile().getFileName().toString();
            Files.copy(pkg.modelFile(), tmp.resolve(onnxName));
            if (pkg.source().startsWith("preset ")) {
                if (pkg.descriptor().labels() instanceof LabelSource.File f) {
                    Path labels = pkg.modelFile().toAbsolutePath().getParent().resolve(f.path());
                    Path copy = tmp.resolve(f.path()).normalize();
                    if (!copy.startsWith(tmp)) {
                        throw new AnnotaException("preset " + pkg.name() + ": labels file outside the model folder: " + f.path());
                    }
                    Files.createDirectories(copy.getParent());
                    Files.copy(labels, copy);
                }
            } else {
                Files.writeString(tmp.resolve(ModelPackages.DESCRIPTOR), descriptorJson);
            }
            Files.createDirectories(target.getParent());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
            // another registration of the same file won the race: its folder is the same content
        } finally {
            deleteTree(tmp);
        }
        return relative;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * The descriptor to store: {@code {"preset": NAME}} for a preset, else the package's {@code model.json} with
     * {@code model} set to the ONNX file's name and the labels inline.
     */
    static String descriptorJson(ModelPackage pkg, Path descriptorFile) throws IOException {
        if (pkg.source().startsWith("preset ")) {
            return JSON.createObjectNode().put("preset", pkg.name()).toString();
        }
        ObjectNode tree = (ObjectNode) JSON.readTree(descriptorFile.toFile());
        tree.put("model", pkg.modelFile().getFileName().toString());
        var labels = tree.putArray("labels");
        for (ModelLabel l : pkg.labels()) {
            labels.add(l.name());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
    }
}
