package dev.annota.app.models;

import dev.annota.core.schema.LabelSchema;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.Ids;
import dev.annota.store.TestDatabases;
import dev.annota.store.images.ImageFormat;
import dev.annota.store.images.ImageStore;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.projects.Projects;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * A database, a data folder and a project (classes dog, bicycle, car, fox squirrel, pineapple) for the model
 * tests, with the real models and photos of {@code ../shared} (tests are skipped, saying so, when absent).
 */
public final class ModelFixture implements AutoCloseable {
    public final Database db;
    public final Path dataDir;
    public final ImageStore store;
    public final ModelRegistry registry;
    public final LoadedModels loaded;
    public final String project;
    /** An admin (a real user row, so that created_by columns can name it). */
    public final dev.annota.app.auth.Actor admin;

    public ModelFixture(Dialect dialect) {
        try {
            dataDir = Files.createTempDirectory("annota-models-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db = TestDatabases.open(dialect);
        store = new ImageStore(dataDir);
        registry = new ModelRegistry(db, dataDir, dev.annota.app.auth.Access.of(db));
        loaded = new LoadedModels(registry, PredictorOptions.defaults().withIntraOpThreads(2));
        String adminId = Ids.newId();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'admin', 0)",
                adminId, "root-" + adminId));
        admin = new dev.annota.app.auth.Actor(adminId, "root-" + adminId, dev.annota.app.auth.GlobalRole.ADMIN);
        project = new Projects(db).create("Photos " + Ids.newId(), "", LabelSchema.of("dog", "bicycle", "car", "fox squirrel", "pineapple")).id();
    }

    public static Path model(String folder) {
        Optional<Path> p = SharedData.resolve("models/" + folder);
        Assumptions.assumeTrue(p.isPresent(), "shared/models/" + folder + " is absent: the real-model test is skipped");
        return p.get();
    }

    public static Path photo(String name) {
        Optional<Path> p = SharedData.resolve("images/photos/" + name);
        Assumptions.assumeTrue(p.isPresent(), "shared/images/photos/" + name + " is absent: the real-photo test is skipped");
        return p.get();
    }

    /** Registers the shared model in {@code folder}. */
    public ModelRecord register(String folder) throws IOException {
        return registry.add(new ModelRegistry.NewModel(model(folder), Optional.empty(), Optional.empty()), Optional.empty());
    }

    /** Adds {@code photo} to the project as image number {@code copy} (a distinct row and stored file); returns its id. */
    public String addImage(String photo, int copy) throws IOException {
        Path file = photo(photo);
        RgbImage pixels = ImageDecoder.read(file);
        ImageFormat format = photo.endsWith(".png") ? ImageFormat.PNG : ImageFormat.JPEG;
        String sha = fakeSha(photo + "#" + copy);
        Path target = store.path(sha, format);
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
        String id = Ids.newId();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, "
                + "phash, source_path, split, metadata_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 1, 0, NULL, 'default', '{}', ?)",
                id, project, sha, photo, pixels.width(), pixels.height(), format.key(), System.currentTimeMillis()));
        return id;
    }

    private static String fakeSha(String text) {
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void close() {
        loaded.close();
        db.close();
    }
}
