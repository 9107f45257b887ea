package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Dialect;
import dev.annota.store.projects.Projects;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A server for the image and annotation tests: uploads limited to 1 MiB, an import root, a project (schema
 * circle = 1, square = 2) with a manager, an annotator and a reviewer, an outsider, and shapes PNGs (160 x 120).
 */
final class ImageFixture implements AutoCloseable {
    static final long UPLOAD_LIMIT = 1024 * 1024;
    static final List<String> CALLERS = List.of("admin", "manager", "annotator", "reviewer", "outsider", "anonymous");

    final TestServer server;
    final Path importRoot;
    final String project;
    final Map<String, Http> http = new HashMap<>();
    final Map<String, Binary> binary = new HashMap<>();
    private final ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 5, 16);

    ImageFixture(Dialect dialect) {
        try {
            importRoot = Files.createTempDirectory("annota-import-root-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TestServer.start(dialect, TestServer.config().withMaxUploadBytes(UPLOAD_LIMIT).withImportRoot(importRoot),
                StandardRoutes::all);
        project = new Projects(server.db).create("Shapes " + dialect, "", LabelSchema.of("circle", "square")).id();
        Http admin = server.admin();
        http.put("admin", admin);
        binary.put("admin", Binary.login(server, "admin", TestServer.ADMIN_PASSWORD));
        http.put("anonymous", server.anonymous());
        binary.put("anonymous", Binary.login(server, "", ""));
        for (String role : List.of("manager", "annotator", "reviewer", "outsider")) {
            String id = server.createUser(role, "password-" + role, "user");
            if (!role.equals("outsider")) {
                assertEquals(201, admin.put("/projects/" + project + "/members/" + id, "{\"role\":\"" + role + "\"}").status());
            }
            http.put(role, server.login(role, "password-" + role));
            binary.put(role, Binary.login(server, role, "password-" + role));
        }
    }

    /** The PNG of shapes sample {@code i} (0 to 15). */
    byte[] png(int i) {
        try {
            Path f = Files.createTempFile("shape-", ".png");
            shapes.sample(i).scene().writePng(f);
            byte[] b = Files.readAllBytes(f);
            Files.delete(f);
            return b;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Uploads PNGs of samples {@code indices} as the admin and returns the report. */
    JsonNode upload(int... indices) {
        List<Binary.Part> parts = java.util.Arrays.stream(indices).mapToObj(i -> Binary.Part.file("shape_" + i + ".png", png(i))).toList();
        Binary.Response r = binary.get("admin").upload("/projects/" + project + "/images", parts);
        assertEquals(200, r.status(), r.text());
        return r.json();
    }

    /** Uploads one PNG and returns the new image's id. */
    String oneImage(int index) {
        return upload(index).get("added").get(0).get("image_id").asText();
    }

    @Override
    public void close() {
        server.close();
    }
}
