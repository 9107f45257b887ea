package dev.annota.store.models;

import dev.annota.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registered model, as the database holds it.
 *
 * @param task           the descriptor's task ({@code classification}, {@code detection}...)
 * @param descriptorJson the {@code model.json} it runs with, or {@code {"preset": NAME}}
 * @param onnxSha256     the ONNX file's sha256 (lower-case hex)
 * @param filePath       the model's folder, relative to the data folder ({@code models/<sha256>})
 * @param labels         the model's class names in output order
 */
public record ModelRecord(String id, String name, String version, String task, String descriptorJson, String onnxSha256,
                          String filePath, List<String> labels, Optional<String> createdBy, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public ModelRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(descriptorJson, "descriptorJson");
        Objects.requireNonNull(filePath, "filePath");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        labels = List.copyOf(labels);
        if (name == null || !NAME.matcher(name).matches()) {
            throw ValidationException.of("name", name, "a model name of letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (version == null || !NAME.matcher(version).matches()) {
            throw ValidationException.of("version", version, "a model version of letters, digits, '.', '_' or '-' (at most 100)");
        }
        if (onnxSha256 == null || !HEX64.matcher(onnxSha256).matches()) {
            throw ValidationException.of("sha256", onnxSha256, "64 lower-case hexadecimal digits");
        }
    }
}
