package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The {@link ImageFixture} plus the real models and photos of {@code ../shared}: registers models over HTTP (a
 * multipart upload of the .onnx file, as the admin) and uploads photos into the project. Tests that need
 * {@code ../shared} are skipped, saying so, when it is absent.
 */
final class ModelApiFixture implements AutoCloseable {
    final ImageFixture f;

    ModelApiFixture(Dialect dialect) {
        Assumptions.assumeTrue(SharedData.resolve("models").isPresent(), "shared/models is absent: the model API tests are skipped");
        f = new ImageFixture(dialect);
    }

    static Path shared(String relative) {
        Optional<Path> p = SharedData.resolve(relative);
        Assumptions.assumeTrue(p.isPresent(), "shared/" + relative + " is absent: the test is skipped");
        return p.get();
    }

    /** Registers {@code models/<folder>/<onnx>} (and its labels file, for presets that have one) by upload; returns the model's JSON. */
    JsonNode register(String folder, String onnx, String name) {
        try {
            List<Binary.Part> parts = new java.util.ArrayList<>();
            parts.add(Binary.Part.file(onnx, Files.readAllBytes(shared("models/" + folder + "/" + onnx))));
            for (String labels : List.of("coco80_labels.txt", "imagenet_labels.txt")) {
                Path p = shared("models/" + folder).resolve(labels);
                if (Files.isRegularFile(p)) {
                    parts.add(Binary.Part.file(labels, Files.readAllBytes(p)));
                }
            }
            parts.add(Binary.Part.field("name", name));
            Binary.Response r = f.binary.get("admin").upload("/models", parts);
            assertEquals(201, r.status(), new String(r.body()));
            return r.json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads a shared photo into the project; returns the image id. */
    String photo(String name) {
        try {
            byte[] bytes = Files.readAllBytes(shared("images/photos/" + name));
            Binary.Response r = f.binary.get("admin").upload("/projects/" + f.project + "/images", List.of(Binary.Part.file(name, bytes)));
            assertEquals(200, r.status(), new String(r.body()));
            return r.json().get("added").get(0).get("image_id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Http admin() {
        return f.http.get("admin");
    }

    @Override
    public void close() {
        f.close();
    }
}
