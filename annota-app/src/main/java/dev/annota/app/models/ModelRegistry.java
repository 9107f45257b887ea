package dev.annota.app.models;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.ModelLabel;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.models.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registered models. {@link #add} resolves a local ONNX file or folder ({@code model.json}, or a known
 * file matched to a preset), copies it into the data folder under its sha256 and records it; its name
 * defaults to the descriptor's, its version to the first 12 hex digits of the sha256. Only admins register;
 * every signed-in user lists and reads. {@link #open} gives the package ready to load.
 */
public final class ModelRegistry {
    /** What a model name or version may hold. */
    public static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final Models models;
    private final ModelStorage storage;
    private final Access access;

    public ModelRegistry(Database db, Path dataDir, Access access) {
        this.models = new Models(db);
        this.storage = new ModelStorage(dataDir);
        this.access = access;
    }

    /** What to register. */
    public record NewModel(Path path, Optional<String> name, Optional<String> version) {
        public NewModel {
            java.util.Objects.requireNonNull(path, "path");
            java.util.Objects.requireNonNull(name, "name");
            java.util.Objects.requireNonNull(version, "version");
        }
    }

    /** Registers a model as {@code actor} (an admin). */
    public ModelRecord add(Actor actor, NewModel request) throws IOException {
        access.requireAdmin(actor);
        return add(request, Optional.of(actor.userId()));
    }

    /** Registers a model (the CLI, which runs as the machine's user). */
    public ModelRecord add(NewModel request, Optional<String> createdBy) throws IOException {
        request.name().ifPresent(n -> check("name", n));
        request.version().ifPresent(v -> check("version", v));
        ModelPackage pkg = ModelPackages.resolve(request.path());
        String sha = ModelPackages.sha256(pkg.modelFile());
        Path descriptorFile = pkg.source().startsWith("preset ") ? pkg.modelFile()
                : Path.of(pkg.source().substring((ModelPackages.DESCRIPTOR + " at ").length()));
        String descriptor = ModelStorage.descriptorJson(pkg, descriptorFile);
        String name = request.name().orElse(safeName(pkg.name()));
        String version = request.version().orElse(sha.substring(0, 12));
        String folder = storage.store(pkg, sha, descriptor);
        ModelRecord record = new ModelRecord(Ids.newId(), name, version, pkg.descriptor().task().id(), descriptor, sha, folder,
                pkg.labels().stream().map(ModelLabel::name).toList(), createdBy, Instant.ofEpochMilli(System.currentTimeMillis()));
        return models.insert(record);
    }

    /** Every model (any signed-in user). */
    public List<ModelRecord> list() {
        return models.list();
    }

    /** The model; a {@link NotFoundException} when there is none. */
    public ModelRecord get(String modelId) {
        return models.get(modelId).orElseThrow(() -> new NotFoundException("model " + modelId + ": no such model"));
    }

    /** The model with this id, or else the newest one with this name (the CLI's {@code --model}). */
    public ModelRecord find(String idOrName) {
        return models.get(idOrName).or(() -> models.byName(idOrName).stream().findFirst())
                .orElseThrow(() -> new NotFoundException("model " + idOrName + ": no model with this id or name "
                        + "(register one with annota models add PATH)"));
    }

    /** The stored package of {@code model}, ready to load. */
    public ModelPackage open(ModelRecord model) {
        Path folder = storage.folder(model.filePath());
        if (!Files.isDirectory(folder)) {
            throw new AnnotaException("model " + model.name() + " " + model.version() + ": its files are missing from " + folder);
        }
        try {
            return ModelPackages.resolve(folder);
        } catch (IOException e) {
            throw new AnnotaException("model " + model.name() + " " + model.version() + ": cannot read " + folder + " (" + e.getMessage() + ")", e);
        }
    }

    private static void check(String field, String value) {
        if (!value.matches(NAME_PATTERN)) {
            throw ValidationException.of(field, value, "a model " + field + " of letters, digits, '.', '_' or '-' (at most 100)");
        }
    }

    /** A descriptor name made fit for the registry: other characters become '-'. */
    public static String safeName(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "-");
        if (s.isEmpty() || !Character.isLetterOrDigit(s.charAt(0))) {
            s = "m" + s;
        }
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
