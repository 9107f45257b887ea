package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.store.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every image and annotation endpoint, called by each kind of caller, gets the expected status: members of the
 * project read (any role), managers import, managers and annotators write annotations, reviewers only read,
 * outsiders get 403 and anonymous callers 401. In paths, {@code {p}} is the project and {@code {image}} an
 * image prepared for the caller (with annotation version 1), so rows do not depend on other callers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImagePermissionsTest {
    static final String UPLOAD = "MULTIPART";

    /** endpoint, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"POST /projects/{p}/images", UPLOAD, 200, 200, 403, 403, 403, 401},
        {"POST /projects/{p}/images/import", "{\"path\":\"perm\"}", 200, 200, 403, 403, 403, 401},
        {"GET /projects/{p}/images", null, 200, 200, 200, 200, 403, 401},
        {"GET /projects/missing/images", null, 404, 403, 403, 403, 403, 401},
        {"GET /images/{image}", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/no-such-image", null, 404, 404, 404, 404, 404, 401},
        {"GET /images/{image}/original", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/{image}/thumbnail", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/{image}/annotations", null, 200, 200, 200, 200, 403, 401},
        {"PUT /images/{image}/annotations", "{\"version\":1,\"annotations\":[]}", 200, 200, 200, 403, 403, 401},
        {"GET /images/{image}/annotations/history", null, 200, 200, 200, 200, 403, 401},
        {"GET /images/{image}/annotations/versions/1", null, 200, 200, 200, 200, 403, 401},
        {"POST /images/{image}/annotations/restore", "{\"version\":1,\"expected_version\":2}", 200, 200, 200, 403, 403, 401},
    };

    private final Map<Dialect, Fixture> fixtures = new EnumMap<>(Dialect.class);

    /** The image fixture with one image per caller, each with annotation version 1, and a folder to import. */
    static final class Fixture {
        final ImageFixture images;
        final Map<String, String> imageOf = new HashMap<>();

        Fixture(Dialect dialect) {
            images = new ImageFixture(dialect);
            for (int i = 0; i < ImageFixture.CALLERS.size(); i++) {
                String id = images.oneImage(i);
                imageOf.put(ImageFixture.CALLERS.get(i), id);
                assertEquals(200, images.http.get("admin").put("/images/" + id + "/annotations",
                        AnnotationApiTest.set(0, AnnotationApiTest.BOX)).status());
            }
            try {
                Files.createDirectories(images.importRoot.resolve("perm"));
                Files.write(images.importRoot.resolve("perm/one.png"), images.png(15));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    List<Arguments> matrix() {
        return Problems.permissionRows(MATRIX, ImageFixture.CALLERS);
    }

    @ParameterizedTest(name = "{0}: {1} as {2} -> {4}")
    @MethodSource("matrix")
    void each_caller_gets_the_expected_status(Dialect dialect, String endpoint, String caller, String body, int expected) {
        Fixture f = fixtures.computeIfAbsent(dialect, Fixture::new);
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{p}", f.images.project).replace("{image}", f.imageOf.get(caller));
        int status;
        String text;
        String type;
        if (UPLOAD.equals(body)) {
            Binary.Response r = f.images.binary.get(caller).upload(path, List.of(Binary.Part.file("up.png", f.images.png(14))));
            status = r.status();
            text = r.text();
            type = r.header("Content-Type").orElse("");
        } else {
            Http.Response r = f.images.http.get(caller).send(parts[0], path, body == null ? null : "application/json", body);
            status = r.status();
            text = r.text();
            type = r.header("Content-Type").orElse("");
        }
        assertEquals(expected, status, endpoint + " as " + caller + ": " + text);
        if (expected >= 400) {
            assertTrue(type.startsWith("application/problem+json"), text);
            assertTrue(text.contains("\"detail\""), text);
        }
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(f -> f.images.close());
    }
}
