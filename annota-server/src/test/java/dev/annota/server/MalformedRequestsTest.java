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

/** Malformed requests to the accounts-and-access endpoints: each a 4xx problem JSON whose detail says what is wrong. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedRequestsTest {
    static final String BIG = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

    /** what, method, path, content type, body, status, text the detail (or first error) must contain. */
    static final Object[][] CASES = {
        {"malformed JSON", "POST", "/users", "application/json", "{\"username\": \"a\",", 400, "malformed JSON at line 1"},
        {"an unclosed object", "POST", "/users", "application/json", "{\"username\": 3", 400, "start marker at line 1, column 1"},
        {"JSON with a syntax error on line 3", "POST", "/users", "application/json", "{\n\"username\": \"a\",\n\"password\" \"x\"}", 400, "line 3"},
        {"trailing garbage", "POST", "/auth/tokens", "application/json", "{\"name\":\"a\"} x", 400, "malformed JSON"},
        {"empty body", "POST", "/auth/tokens", "application/json", "", 400, "empty"},
        {"an array instead of an object", "POST", "/auth/tokens", "application/json", "[1,2]", 400, "expected a JSON object"},
        {"a string instead of an object", "PATCH", "/users/{admin}", "application/json", "\"admin\"", 400, "expected a JSON object"},
        {"a number where text is expected", "POST", "/users", "application/json", "{\"username\":5,\"password\":\"password-1\"}", 400, "expected a string"},
        {"text where a boolean is expected", "PATCH", "/users/{admin}", "application/json", "{\"disabled\":\"yes\"}", 400, "expected true or false"},
        {"a number where a boolean is expected", "PATCH", "/users/{admin}", "application/json", "{\"disabled\":1}", 400, "expected true or false"},
        {"an object where text is expected", "PUT", "/projects/p1/members/{admin}", "application/json", "{\"role\":{\"x\":1}}", 400, "expected a string"},
        {"an unknown field", "POST", "/users", "application/json", "{\"username\":\"a\",\"password\":\"password-1\",\"admin\":true}", 400, "unknown field"},
        {"a duplicated field", "POST", "/auth/tokens", "application/json", "{\"name\":\"a\",\"name\":\"b\"}", 400, "Duplicate field"},
        {"a missing user name", "POST", "/users", "application/json", "{\"password\":\"password-1\"}", 400, "field 'username': required"},
        {"a missing password", "POST", "/users", "application/json", "{\"username\":\"zed\"}", 400, "field 'password': required"},
        {"a missing role", "PUT", "/projects/p1/members/{admin}", "application/json", "{}", 400, "field 'role': required"},
        {"a missing token name", "POST", "/auth/tokens", "application/json", "{}", 400, "field 'name': required"},
        {"a blank token name", "POST", "/auth/tokens", "application/json", "{\"name\":\"  \"}", 400, "token name of 1 to 100"},
        {"an unknown global role", "POST", "/users", "application/json", "{\"username\":\"zed\",\"password\":\"password-1\",\"role\":\"root\"}", 400, "one of admin, user"},
        {"an unknown project role", "PUT", "/projects/p1/members/{admin}", "application/json", "{\"role\":\"owner\"}", 400, "one of manager, annotator, reviewer"},
        {"a user name with a space", "POST", "/users", "application/json", "{\"username\":\"a b\",\"password\":\"password-1\"}", 400, "letters, digits"},
        {"a too short password", "POST", "/users", "application/json", "{\"username\":\"zed\",\"password\":\"short\"}", 400, "8 to 256 characters"},
        {"a null user name", "POST", "/users", "application/json", "{\"username\":null,\"password\":\"password-1\"}", 400, "required"},
        {"login without a password", "POST", "/auth/login", "application/json", "{\"username\":\"admin\"}", 400, "field 'password': required"},
        {"an oversized body", "POST", "/auth/tokens", "application/json", BIG, 413, "larger than the limit of 65536 bytes"},
        {"form data instead of JSON", "POST", "/users", "application/x-www-form-urlencoded", "username=a&password=b", 415, "expected Content-Type: application/json"},
        {"text/plain", "POST", "/auth/login", "text/plain", "{\"username\":\"a\",\"password\":\"b\"}", 415, "got 'text/plain'"},
        {"no content type", "POST", "/auth/tokens", null, "{\"name\":\"a\"}", 415, "no Content-Type"},
        {"an unknown route", "GET", "/no-such-thing", null, null, 404, "no route GET /api/v1/no-such-thing"},
        {"an unknown route outside the API", "GET", "/../nothing-here", null, null, 404, "no route"},
        {"a method the route does not have", "DELETE", "/users", null, null, 405, "method DELETE is not allowed on /api/v1/users"},
        {"PUT on login", "PUT", "/auth/login", "application/json", "{}", 405, "not allowed"},
        {"a limit out of range", "GET", "/audit?limit=0", null, null, 400, "from 1 to 1000"},
        {"a limit that is not a number", "GET", "/audit?limit=ten", null, null, 400, "whole number"},
        {"an unknown audit cursor", "GET", "/audit?after=nope", null, null, 400, "audit entry"},
        {"an unknown user", "PATCH", "/users/nobody", "application/json", "{\"role\":\"user\"}", 404, "no user nobody"},
        {"membership of an unknown user", "PUT", "/projects/p1/members/nobody", "application/json", "{\"role\":\"annotator\"}", 404, "no user nobody"},
        {"removing a non-member", "DELETE", "/projects/p1/members/{admin}", null, null, 404, "not a member"},
    };

    private final Map<Dialect, TestServer> servers = new EnumMap<>(Dialect.class);
    private final Map<Dialect, Http> admins = new EnumMap<>(Dialect.class);

    List<Arguments> cases() {
        return Problems.perDialect(CASES);
    }

    @ParameterizedTest(name = "{0}: {1} -> {6}")
    @MethodSource("cases")
    void a_malformed_request_gets_a_4xx_problem_with_a_clear_detail(Dialect dialect, String what, String method, String path,
                                                                     String contentType, String body, int status, String says) {
        TestServer t = servers.computeIfAbsent(dialect, d -> {
            TestServer s = TestServer.start(d);
            s.createProject("p1");
            return s;
        });
        Http admin = admins.computeIfAbsent(dialect, d -> t.admin());
        String adminId = admin.get("/auth/me").json().get("id").asText();
        Http.Response r = admin.send(method, path.replace("{admin}", adminId), contentType, body);
        assertEquals(status, r.status(), what + ": " + r.text());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), what + ": " + r.header("Content-Type"));
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt());
        assertTrue(p.get("type").asText().startsWith("/problems/"), p.toString());
        assertFalse(p.get("title").asText().isEmpty());
        String detail = p.get("detail").asText() + " " + p.get("errors");
        assertTrue(detail.contains(says), what + ": expected the detail to say '" + says + "', got " + p);
        assertFalse(r.text().contains("at dev.annota") || r.text().contains("Exception"), "no stack trace: " + r.text());
    }

    @AfterAll
    void stop() {
        servers.values().forEach(TestServer::close);
    }
}
