package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.testkit.SharedData;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;

/**
 * An {@link ImageFixture} whose project holds real photos (../shared/images/photos) and a half-size copy of
 * wolves.jpg, with the real SqueezeNet 1.1 copied to {@code <data>/models/squeezenet1.1} and every image embedded
 * through the API. Skipped, saying so, when the shared data is absent.
 */
final class EmbeddingFixture implements AutoCloseable {
    static final List<String> PHOTOS = List.of("wolves.jpg", "darknet_horses.jpg", "chelsea_cat.png", "raccoon_face.jpg",
            "opencv_orange.jpg", "opencv_apple.jpg", "opencv_fruits.jpg", "opencv_home.jpg", "china_pagoda.jpg", "coffee.png");
    static final String SMALL_WOLVES = "wolves_small.png";

    final ImageFixture f;
    /** Image id by file name. */
    final Map<String, String> ids = new LinkedHashMap<>();
    final JsonNode embedOperation;

    EmbeddingFixture(Dialect dialect) {
        Optional<Path> model = SharedData.resolve("models/squeezenet1.1");
        Optional<Path> photos = SharedData.resolve("images/photos");
        Assumptions.assumeTrue(model.isPresent() && photos.isPresent(), "shared models/photos are absent: the embedding API test is skipped");
        f = new ImageFixture(dialect);
        try {
            Path target = f.server.dataDir().resolve("models/squeezenet1.1");
            Files.createDirectories(target);
            for (String file : List.of("squeezenet1.1-fp32.onnx", "imagenet_labels.txt")) {
                Files.copy(model.get().resolve(file), target.resolve(file));
            }
            for (String p : PHOTOS) {
                ids.put(p, upload(p, Files.readAllBytes(photos.get().resolve(p))));
            }
            ids.put(SMALL_WOLVES, upload(SMALL_WOLVES, halfSizePng(photos.get().resolve("wolves.jpg"))));
        } catch (IOException e) {
            f.close();
            throw new UncheckedIOException(e);
        }
        embedOperation = embed("manager");
    }

    private String upload(String name, byte[] bytes) {
        Binary.Response r = f.binary.get("admin").upload("/projects/" + f.project + "/images", List.of(Binary.Part.file(name, bytes)));
        assertEquals(200, r.status(), r.text());
        return r.json().get("added").get(0).get("image_id").asText();
    }

    static byte[] halfSizePng(Path file) throws IOException {
        BufferedImage src = ImageIO.read(file.toFile());
        BufferedImage dst = new BufferedImage(src.getWidth() / 2, src.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        dst.getGraphics().drawImage(src.getScaledInstance(dst.getWidth(), dst.getHeight(), Image.SCALE_AREA_AVERAGING), 0, 0, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(dst, "png", out);
        return out.toByteArray();
    }

    /** Starts the embed operation as {@code caller} and waits for it to finish; returns the finished operation. */
    JsonNode embed(String caller) {
        Http.Response r = f.http.get(caller).post("/projects/" + f.project + "/embeddings", "{\"model\":\"squeezenet1.1\"}");
        assertEquals(202, r.status(), r.text());
        String id = r.json().get("id").asText();
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonNode op = f.http.get("admin").get("/operations/" + id).json();
            String state = op.get("state").asText();
            if (!state.equals("queued") && !state.equals("running")) {
                return op;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the embed operation did not finish in 120 s");
    }

    Http as(String caller) {
        return f.http.get(caller);
    }

    String project() {
        return f.project;
    }

    @Override
    public void close() {
        f.close();
    }
}
