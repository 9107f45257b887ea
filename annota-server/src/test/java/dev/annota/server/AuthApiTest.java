package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AuthApiTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void login_sets_a_strict_http_only_session_cookie_and_logout_ends_the_session(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http.Response login = t.anonymous().post("/auth/login", "{\"username\":\"admin\",\"password\":\"admin-password-1\"}");
            assertEquals(200, login.status(), login.text());
            assertEquals("admin", login.json().at("/user/username").asText());
            assertEquals("admin", login.json().at("/user/role").asText());
            String setCookie = login.header("Set-Cookie").orElseThrow();
            assertTrue(setCookie.startsWith("annota_session="), setCookie);
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict") && setCookie.contains("Path=/"), setCookie);
            Http me = t.anonymous().withCookie(setCookie.split(";", 2)[0]);
            Http.Response who = me.get("/auth/me");
            assertEquals(200, who.status(), who.text());
            assertEquals("admin", who.json().get("username").asText());
            assertFalse(who.text().contains("argon2"), "never the password hash");

            assertEquals(204, me.post("/auth/logout", null).status());
            Http.Response after = me.get("/auth/me");
            assertEquals(401, after.status());
            assertTrue(after.json().get("detail").asText().contains("sign in again"), after.text());
            assertEquals(401, t.anonymous().get("/auth/me").status());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_wrong_password_and_an_unknown_user_get_the_same_401(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http.Response wrong = t.anonymous().post("/auth/login", "{\"username\":\"admin\",\"password\":\"not-the-password\"}");
            Http.Response unknown = t.anonymous().post("/auth/login", "{\"username\":\"nobody\",\"password\":\"not-the-password\"}");
            assertEquals(401, wrong.status());
            assertEquals(401, unknown.status());
            assertEquals(wrong.json().get("detail"), unknown.json().get("detail"));
            assertEquals("wrong user name or password", wrong.json().get("detail").asText());
            assertTrue(wrong.header("Content-Type").orElseThrow().startsWith("application/problem+json"));
            assertTrue(wrong.header("Set-Cookie").isEmpty());
            Http.Response audit = t.admin().get("/audit");
            assertTrue(audit.text().contains("auth.login_failed"), audit.text());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_api_token_is_shown_once_authenticates_as_bearer_and_stops_working_when_deleted(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            t.createUser("ben", "ben-password", "user");
            Http ben = t.login("ben", "ben-password");
            Http.Response made = ben.post("/auth/tokens", "{\"name\":\"nightly export\"}");
            assertEquals(201, made.status(), made.text());
            String secret = made.json().get("token").asText();
            String id = made.json().get("id").asText();
            assertTrue(secret.startsWith("annota_"), secret);

            Http script = t.anonymous().withBearer(secret);
            assertEquals("ben", script.get("/auth/me").json().get("username").asText());
            JsonNode listed = ben.get("/auth/tokens").json();
            assertEquals(1, listed.size());
            assertEquals("nightly export", listed.get(0).get("name").asText());
            assertFalse(listed.get(0).has("token"), "the secret is never listed again");
            assertFalse(listed.get(0).get("last_used_at").isNull(), "use is noted");

            assertEquals(404, t.admin().delete("/auth/tokens/" + id).status(), "someone else's token is not found");
            assertEquals(204, ben.delete("/auth/tokens/" + id).status());
            Http.Response after = script.get("/auth/me");
            assertEquals(401, after.status());
            assertTrue(after.json().get("detail").asText().contains("API token"), after.text());
            assertEquals(401, t.anonymous().withHeader("Authorization", "Basic YWRtaW46eA==").get("/auth/me").status());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_disabled_user_cannot_sign_in_and_loses_sessions_and_tokens(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            String id = t.createUser("cy", "cy-password", "user");
            Http cy = t.login("cy", "cy-password");
            String token = cy.post("/auth/tokens", "{\"name\":\"t\"}").json().get("token").asText();
            Http.Response patched = t.admin().patch("/users/" + id, "{\"disabled\":true}");
            assertEquals(200, patched.status(), patched.text());
            assertTrue(patched.json().get("disabled").asBoolean());
            assertEquals(401, cy.get("/auth/me").status());
            assertEquals(401, t.anonymous().withBearer(token).get("/auth/me").status());
            assertEquals(401, t.anonymous().post("/auth/login", "{\"username\":\"cy\",\"password\":\"cy-password\"}").status());

            assertEquals(200, t.admin().patch("/users/" + id, "{\"disabled\":false,\"password\":\"new-cy-password\"}").status());
            assertEquals(200, t.anonymous().post("/auth/login", "{\"username\":\"cy\",\"password\":\"new-cy-password\"}").status());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void users_change_their_own_password_with_the_current_one(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            t.createUser("dee", "dee-password", "user");
            Http dee = t.login("dee", "dee-password");
            assertEquals(401, dee.post("/auth/password", "{\"current_password\":\"nope-nope\",\"new_password\":\"dee-password-2\"}").status());
            assertEquals(204, dee.post("/auth/password", "{\"current_password\":\"dee-password\",\"new_password\":\"dee-password-2\"}").status());
            assertEquals(401, dee.get("/auth/me").status(), "sessions end with a password change");
            t.login("dee", "dee-password-2");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void admins_manage_users_and_every_change_is_audited(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String id = t.createUser("eve", "eve-password", "user");
            Http.Response dup = admin.post("/users", "{\"username\":\"EVE\",\"password\":\"eve-password\"}");
            assertEquals(409, dup.status(), dup.text());
            assertTrue(dup.json().get("detail").asText().contains("already taken"), dup.text());
            assertEquals(2, admin.get("/users").json().size());
            assertEquals("admin", admin.patch("/users/" + id, "{\"role\":\"admin\"}").json().get("role").asText());
            assertEquals(404, admin.patch("/users/nobody", "{\"role\":\"admin\"}").status());

            String adminId = admin.get("/auth/me").json().get("id").asText();
            admin.patch("/users/" + id, "{\"role\":\"user\"}");
            Http.Response last = admin.patch("/users/" + adminId, "{\"disabled\":true}");
            assertEquals(409, last.status(), last.text());
            assertTrue(last.json().get("detail").asText().contains("last enabled admin"), last.text());

            JsonNode audit = admin.get("/audit?limit=3").json();
            assertEquals(3, audit.get("entries").size());
            assertNotEquals("", audit.get("next").asText());
            List<String> actions = new java.util.ArrayList<>();
            admin.get("/audit?limit=1000").json().get("entries").forEach(e -> actions.add(e.get("action").asText()));
            assertTrue(actions.containsAll(List.of("auth.login", "user.create", "user.update")), actions.toString());
            JsonNode next = admin.get("/audit?limit=3&after=" + audit.get("next").asText()).json();
            assertNotEquals(audit.get("entries").get(2).get("id"), next.get("entries").get(0).get("id"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_role_change_takes_effect_on_the_next_request_of_a_session_and_a_token_already_used(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            String id = t.createUser("fay", "fay-password", "user");
            assertEquals(200, t.admin().patch("/users/" + id, "{\"role\":\"admin\"}").status());
            Http fay = t.login("fay", "fay-password");
            Http script = t.anonymous().withBearer(fay.post("/auth/tokens", "{\"name\":\"t\"}").json().get("token").asText());
            assertEquals(200, fay.get("/users").status());
            assertEquals(200, script.get("/users").status());

            assertEquals(200, t.admin().patch("/users/" + id, "{\"role\":\"user\"}").status());
            assertEquals(403, fay.get("/users").status(), "the session's cached admin role is gone");
            assertEquals(403, script.get("/users").status(), "the token's cached admin role is gone");
            assertEquals("user", script.get("/auth/me").json().get("role").asText());
        }
    }
}
