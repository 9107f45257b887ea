package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.store.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation endpoint, called by each kind of caller: managers of the project and admins start exports and
 * asynchronous imports and see, follow, cancel and download the project's operations; annotators, reviewers and
 * outsiders get 403, anonymous callers 401. {@code {op}} is a finished export of the project.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperationPermissionsTest {
    /** endpoint, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"POST /projects/{p}/exports", "{\"format\":\"coco\"}", 202, 202, 403, 403, 403, 401},
        {"POST /projects/missing/exports", "{\"format\":\"coco\"}", 404, 403, 403, 403, 403, 401},
        {"POST /projects/{p}/images/import", "{\"path\":\"perm\",\"async\":true}", 202, 202, 403, 403, 403, 401},
        {"GET /projects/{p}/operations", null, 200, 200, 403, 403, 403, 401},
        {"GET /operations/{op}", null, 200, 200, 403, 403, 403, 401},
        {"GET /operations/{op}/events", null, 200, 200, 403, 403, 403, 401},
        {"GET /operations/{op}/result", null, 200, 200, 403, 403, 403, 401},
        {"POST /operations/{op}/cancel", "{}", 200, 200, 403, 403, 403, 401},
        {"GET /operations/no-such-operation", null, 404, 404, 404, 404, 404, 401},
    };

    private final Map<Dialect, ImageFixture> fixtures = new EnumMap<>(Dialect.class);
    private final Map<Dialect, String> exports = new EnumMap<>(Dialect.class);

    List<Arguments> matrix() {
        return Problems.permissionRows(MATRIX, ImageFixture.CALLERS);
    }

    private ImageFixture fixture(Dialect dialect) {
        return fixtures.computeIfAbsent(dialect, d -> {
            ImageFixture f = new ImageFixture(d);
            f.upload(0, 1);
            try {
                Files.createDirectories(f.importRoot.resolve("perm"));
                Files.write(f.importRoot.resolve("perm/one.png"), f.png(15));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String id = f.http.get("admin").post("/projects/" + f.project + "/exports", "{\"format\":\"coco\"}").json().get("id").asText();
            ServerSentEvents.finalState(f.http.get("admin"), id, "succeeded");
            exports.put(d, id);
            return f;
        });
    }

    @ParameterizedTest(name = "{0}: {1} as {2} -> {4}")
    @MethodSource("matrix")
    void each_caller_gets_the_expected_status(Dialect dialect, String endpoint, String caller, String body, int expected) {
        ImageFixture f = fixture(dialect);
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{p}", f.project).replace("{op}", exports.get(dialect));
        Http.Response r = f.http.get(caller).send(parts[0], path, body == null ? null : "application/json", body);
        assertEquals(expected, r.status(), endpoint + " as " + caller + ": " + r.text());
        if (expected >= 400) {
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.text());
            assertTrue(r.text().contains("\"detail\""), r.text());
        }
        if (expected == 202) {
            ServerSentEvents.finalState(f.http.get("admin"), r.json().get("id").asText(), "succeeded");
        }
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(ImageFixture::close);
    }
}
