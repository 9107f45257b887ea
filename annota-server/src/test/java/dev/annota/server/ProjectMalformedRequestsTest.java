package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed requests to the project and label-schema endpoints, sent by an admin to a project {@code {p}} with
 * classes 1 Car and 2 Bus at schema version 0: each a 4xx problem JSON whose detail says what is wrong, and
 * none changes anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectMalformedRequestsTest {
    static final String CLASSES = "/projects/{p}/schema/classes";

    /** what, method, path, extra header (name: value) or null, body, status, text the detail (or errors) must contain. */
    static final Object[][] CASES = {
        {"a project without a name", "POST", "/projects", null, "{\"guidelines\":\"x\"}", 400, "field 'name': required"},
        {"a blank project name", "POST", "/projects", null, "{\"name\":\"   \"}", 400, "non-blank project name"},
        {"a number as project name", "POST", "/projects", null, "{\"name\":5}", 400, "expected a string"},
        {"an unknown project field", "POST", "/projects", null, "{\"name\":\"X\",\"owner\":\"me\"}", 400, "unknown field"},
        {"a taken project name", "POST", "/projects", null, "{\"name\":\" streets \"}", 409, "already exists"},
        {"an unknown kind in a new schema", "POST", "/projects", null,
            "{\"name\":\"X\",\"schema\":{\"classes\":[{\"name\":\"Car\",\"kinds\":[\"cube\"]}]}}", 400, "/schema/classes/0"},
        {"a schema that is not an object", "POST", "/projects", null, "{\"name\":\"X\",\"schema\":[1]}", 400, "/schema"},
        {"an empty project patch", "PATCH", "/projects/{p}", null, "{}", 400, "at least one of name, guidelines"},
        {"guidelines that are not text", "PATCH", "/projects/{p}", null, "{\"guidelines\":7}", 400, "expected a string"},
        {"an unknown project", "GET", "/projects/no-such-project", null, null, 404, "no such project"},
        {"a class without a schema version", "POST", CLASSES, null, "{\"name\":\"Truck\"}", 400, "field 'schema_version': required"},
        {"a schema version that is text", "POST", CLASSES, null, "{\"schema_version\":\"one\",\"name\":\"Truck\"}", 400, "whole number"},
        {"a negative schema version", "POST", CLASSES, null, "{\"schema_version\":-1,\"name\":\"Truck\"}", 400, "whole number >= 0"},
        {"an If-Match that is no version", "POST", CLASSES, "If-Match: \"abc\"", "{\"name\":\"Truck\"}", 400, "ETag"},
        {"a body version that disagrees with If-Match", "POST", CLASSES, "If-Match: \"1\"",
            "{\"schema_version\":0,\"name\":\"Truck\"}", 400, "same version as the If-Match header"},
        {"a class name taken in another case", "POST", CLASSES, null, "{\"schema_version\":0,\"name\":\"CAR\"}", 409, "collides"},
        {"a class with no kinds", "POST", CLASSES, null, "{\"schema_version\":0,\"name\":\"Truck\",\"kinds\":[]}", 400, "at least one annotation kind"},
        {"a class with an id", "POST", CLASSES, null, "{\"schema_version\":0,\"id\":9,\"name\":\"Truck\"}", 400, "unknown field"},
        {"a class id that is not a number", "PATCH", CLASSES + "/car", null, "{\"schema_version\":0,\"name\":\"X\"}", 400, "class id"},
        {"an unknown class id", "PATCH", CLASSES + "/99", null, "{\"schema_version\":0,\"name\":\"X\"}", 404, "no class with id 99"},
        {"an unknown on_use", "PATCH", CLASSES + "/1", null, "{\"schema_version\":0,\"colour\":\"#000000\",\"on_use\":\"maybe\"}", 400,
            "one of refuse, delete_annotations"},
        {"reassign_to when changing a class", "PATCH", CLASSES + "/1", null,
            "{\"schema_version\":0,\"kinds\":[\"box\"],\"on_use\":\"reassign_to\",\"reassign_to\":2}", 400, "when changing a class"},
        {"a class patch that changes nothing", "PATCH", CLASSES + "/1", null, "{\"schema_version\":0}", 400, "at least one of name, colour"},
        {"a colour that is not #RRGGBB", "PATCH", CLASSES + "/1", null, "{\"schema_version\":0,\"colour\":\"red\"}", 400, "#RRGGBB"},
        {"a misspelt class field", "PATCH", CLASSES + "/1", null, "{\"schema_version\":0,\"color\":\"#000000\"}", 400, "unknown field"},
        {"a class patch that is an array", "PATCH", CLASSES + "/1", null, "[]", 400, "expected a JSON object"},
        {"keep_annotations when deleting a class", "DELETE", CLASSES + "/1?schema_version=0&on_use=keep_annotations", null, null, 400,
            "cannot keep a class"},
        {"reassign_to without a target", "DELETE", CLASSES + "/1?schema_version=0&on_use=reassign_to", null, null, 400,
            "id of the class to relabel"},
        {"reassign_to the deleted class itself", "DELETE", CLASSES + "/1?schema_version=0&on_use=reassign_to&reassign_to=1", null, null,
            400, "another class"},
        {"a query schema version that is not a number", "DELETE", CLASSES + "/1?schema_version=x", null, null, 400, "whole number"},
        {"a class deletion without a version", "DELETE", CLASSES + "/1", null, null, 400, "field 'schema_version': required"},
    };

    private final Map<Dialect, TestServer> servers = new EnumMap<>(Dialect.class);
    private final Map<Dialect, Http> admins = new EnumMap<>(Dialect.class);
    private final Map<Dialect, String> projects = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        return Problems.perDialect(CASES);
    }

    @ParameterizedTest(name = "{0}: {1} -> {6}")
    @MethodSource("cases")
    void a_malformed_request_gets_a_4xx_problem_with_a_clear_detail(Dialect dialect, String what, String method, String path,
                                                                     String header, String body, int status, String says) {
        TestServer t = servers.computeIfAbsent(dialect, TestServer::start);
        Http admin = admins.computeIfAbsent(dialect, d -> t.admin());
        String p = projects.computeIfAbsent(dialect, d -> ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES));
        Http caller = header == null ? admin : admin.withHeader(header.split(": ", 2)[0], header.split(": ", 2)[1]);
        Http.Response r = caller.send(method, path.replace("{p}", p), body == null ? null : "application/json", body);
        assertEquals(status, r.status(), what + ": " + r.text());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), what + ": " + r.header("Content-Type"));
        JsonNode problem = r.json();
        assertEquals(status, problem.get("status").asInt());
        assertTrue(problem.get("type").asText().startsWith("/problems/"), problem.toString());
        String detail = problem.get("detail").asText() + " " + problem.get("errors");
        assertTrue(detail.contains(says), what + ": expected the detail to say '" + says + "', got " + problem);
        assertFalse(r.text().contains("at dev.annota") || r.text().contains("Exception"), "no stack trace: " + r.text());
        assertEquals(0, ProjectApi.version(admin, p), what + " changed the schema");
    }

    @AfterAll
    void stop() {
        servers.values().forEach(TestServer::close);
    }
}
