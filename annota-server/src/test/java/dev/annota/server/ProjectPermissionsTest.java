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
 * Every project and label-schema endpoint, called by each kind of caller, gets the expected status. {@code {p}}
 * is a shared project; {@code {mine}} a project of the caller's own (same members, classes Car and Bus), so
 * that writes do not depend on other callers' rows; {@code {v}} is {@code {mine}}'s current schema version.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectPermissionsTest {
    /** endpoint, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"POST /projects", "{\"name\":\"made by {me}\"}", 201, 403, 403, 403, 403, 401},
        {"GET /projects", null, 200, 200, 200, 200, 200, 401},
        {"GET /projects/{p}", null, 200, 200, 200, 200, 403, 401},
        {"GET /projects/missing", null, 404, 403, 403, 403, 403, 401},
        {"PATCH /projects/{p}", "{\"guidelines\":\"# by {me}\"}", 200, 200, 403, 403, 403, 401},
        {"GET /projects/{p}/schema", null, 200, 200, 200, 200, 403, 401},
        {"POST /projects/{mine}/schema/classes", "{\"schema_version\":{v},\"name\":\"Truck\"}", 201, 201, 403, 403, 403, 401},
        {"PATCH /projects/{mine}/schema/classes/1", "{\"schema_version\":{v},\"name\":\"Automobile\"}", 200, 200, 403, 403, 403, 401},
        {"DELETE /projects/{mine}/schema/classes/2?schema_version={v}", null, 200, 200, 403, 403, 403, 401},
        {"DELETE /projects/{mine}", null, 204, 204, 403, 403, 403, 401},
    };

    private final Map<Dialect, Fixture> fixtures = new EnumMap<>(Dialect.class);

    /** Users per role, a shared project p and a project per caller, each with the same three members. */
    static final class Fixture {
        final TestServer server;
        final Http admin;
        final Map<String, Http> clients = new HashMap<>();
        final Map<String, String> mine = new HashMap<>();
        String shared;

        Fixture(Dialect dialect) {
            server = TestServer.start(dialect);
            admin = server.admin();
            clients.put("admin", admin);
            clients.put("anonymous", server.anonymous());
            Map<String, String> ids = new HashMap<>();
            for (String role : List.of("manager", "annotator", "reviewer", "outsider")) {
                ids.put(role, server.createUser(role, "password-" + role, "user"));
                clients.put(role, server.login(role, "password-" + role));
            }
            shared = project("Shared", ids);
            for (String caller : PermissionsTest.CALLERS) {
                mine.put(caller, project("Mine of " + caller, ids));
            }
        }

        private String project(String name, Map<String, String> ids) {
            String id = ProjectApi.create(admin, name, ProjectApi.TWO_CLASSES);
            for (String role : List.of("manager", "annotator", "reviewer")) {
                ProjectApi.addMember(admin, id, ids.get(role), role);
            }
            return id;
        }
    }

    List<Arguments> matrix() {
        return Problems.permissionRows(MATRIX, PermissionsTest.CALLERS);
    }

    @ParameterizedTest(name = "{0}: {1} as {2} -> {4}")
    @MethodSource("matrix")
    void each_caller_gets_the_expected_status(Dialect dialect, String endpoint, String caller, String body, int expected) {
        Fixture f = fixtures.computeIfAbsent(dialect, Fixture::new);
        String mine = f.mine.get(caller);
        String v = endpoint.contains("{mine}") && !endpoint.startsWith("DELETE /projects/{mine} ")
                ? String.valueOf(ProjectApi.version(f.admin, mine)) : "0";
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{p}", f.shared).replace("{mine}", mine).replace("{v}", v);
        String json = body == null ? null : body.replace("{me}", caller).replace("{v}", v);
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
