package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.store.Dialect;
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
 * Every endpoint of the accounts-and-access area, called by each kind of caller, gets the expected status.
 * In paths, {@code {me}} is the caller's own name: each caller works on users prepared for it, so rows do not
 * depend on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsTest {
    static final List<String> CALLERS = List.of("admin", "manager", "annotator", "reviewer", "outsider", "anonymous");

    /** endpoint, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"GET /health", null, 200, 200, 200, 200, 200, 200},
        {"GET /openapi.json", null, 200, 200, 200, 200, 200, 200},
        {"GET /auth/me", null, 200, 200, 200, 200, 200, 401},
        {"GET /auth/tokens", null, 200, 200, 200, 200, 200, 401},
        {"POST /auth/tokens", "{\"name\":\"ci\"}", 201, 201, 201, 201, 201, 401},
        {"DELETE /auth/tokens/no-such-token", null, 404, 404, 404, 404, 404, 401},
        {"POST /users", "{\"username\":\"made-by-{me}\",\"password\":\"password-1\"}", 201, 403, 403, 403, 403, 401},
        {"GET /users", null, 200, 403, 403, 403, 403, 401},
        {"GET /users/{target}", null, 200, 403, 403, 403, 403, 401},
        {"PATCH /users/{target}", "{\"role\":\"user\"}", 200, 403, 403, 403, 403, 401},
        {"GET /projects/p1/members", null, 200, 200, 200, 200, 403, 401},
        {"GET /projects/p1/members/{member}", null, 200, 200, 200, 200, 403, 401},
        {"PUT /projects/p1/members/{target}", "{\"role\":\"reviewer\"}", 201, 201, 403, 403, 403, 401},
        {"DELETE /projects/p1/members/{member}", null, 204, 204, 403, 403, 403, 401},
        {"GET /projects/p2/members", null, 200, 403, 403, 403, 403, 401},
        {"GET /projects/missing/members", null, 404, 403, 403, 403, 403, 401},
        {"PUT /projects/missing/members/{target}", "{\"role\":\"reviewer\"}", 404, 403, 403, 403, 403, 401},
        {"GET /audit", null, 200, 403, 403, 403, 403, 401},
    };

    private final Map<Dialect, Fixture> fixtures = new EnumMap<>(Dialect.class);

    /** A server with a project p1 (manager, annotator, reviewer members), a project p2, and users per caller. */
    static final class Fixture {
        final TestServer server;
        final Map<String, Http> clients = new HashMap<>();
        final Map<String, String> targets = new HashMap<>();
        final Map<String, String> members = new HashMap<>();

        Fixture(Dialect dialect) {
            server = TestServer.start(dialect);
            server.createProject("p1");
            server.createProject("p2");
            Http admin = server.admin();
            clients.put("admin", admin);
            clients.put("anonymous", server.anonymous());
            for (String role : List.of("manager", "annotator", "reviewer")) {
                String id = server.createUser(role, "password-" + role, "user");
                assertEquals(201, admin.put("/projects/p1/members/" + id, "{\"role\":\"" + role + "\"}").status());
                clients.put(role, server.login(role, "password-" + role));
            }
            server.createUser("outsider", "password-outsider", "user");
            clients.put("outsider", server.login("outsider", "password-outsider"));
            for (String caller : CALLERS) {
                targets.put(caller, server.createUser("target-" + caller, "password-1", "user"));
                String member = server.createUser("member-" + caller, "password-1", "user");
                admin.put("/projects/p1/members/" + member, "{\"role\":\"annotator\"}");
                members.put(caller, member);
            }
        }
    }

    List<Arguments> matrix() {
        return Problems.permissionRows(MATRIX, CALLERS);
    }

    @ParameterizedTest(name = "{0}: {1} as {2} -> {4}")
    @MethodSource("matrix")
    void each_caller_gets_the_expected_status(Dialect dialect, String endpoint, String caller, String body, int expected) {
        Fixture f = fixtures.computeIfAbsent(dialect, Fixture::new);
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{target}", f.targets.get(caller)).replace("{member}", f.members.get(caller));
        String json = body == null ? null : body.replace("{me}", caller);
        Http.Response r = f.clients.get(caller).send(parts[0], path, json == null ? null : "application/json", json);
        assertEquals(expected, r.status(), endpoint + " as " + caller + ": " + r.text());
        if (expected >= 400) {
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.text());
            assertEquals(expected, r.json().get("status").asInt(), r.text());
            assertTrue(r.json().get("detail").asText().length() > 10, r.text());
        }
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(f -> f.server.close());
    }
}
