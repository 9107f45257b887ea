package dev.annota.app.embeddings;

import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.embed.Embedder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the embedding operation finds a model by name. The server's default is a folder of model folders
 * ({@code <data>/models/<name>/}, each resolved as {@code annota predict --model} resolves a path): a classifier
 * preset with a feature tap (SqueezeNet 1.1, MobileNetV2-int8) or a model whose {@code model.json} has task
 * {@code embedding}. A models registry can implement this interface instead.
 */
@FunctionalInterface
public interface EmbeddingModels {
    /** The pattern of a model name: a folder name, no path. */
    String NAME = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    /**
     * Opens the named model for embeddings.
     *
     * @throws ValidationException when the name is malformed
     * @throws NotFoundException   when there is no such model
     */
    Embedder open(String name) throws IOException;

    /** Models in the folders under {@code root}. */
    static EmbeddingModels folder(Path root, PredictorOptions options) {
        return name -> {
            if (name == null || !name.matches(NAME)) {
                throw ValidationException.of("model", String.valueOf(name),
                        "expected a model name of letters, digits, '.', '_' or '-' (a folder under the server's models folder)");
            }
            Path dir = root.resolve(name);
            if (!Files.isDirectory(dir)) {
                throw new NotFoundException("model " + name + ": no such model folder on the server (" + root + ")");
            }
            return Embedder.open(dir, options);
        };
    }
}
