package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ConflictException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Dialect;
import dev.annota.store.VersionConflict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How another area adds routes, and how the one error mapper renders what they throw. */
class ServerExtensionTest {
    /** A request body of the example area. */
    record Thing(String name, int size) {
    }

    /** An example area, as ProjectRoutes or ImageRoutes will be. */
    static final class ThingRoutes implements RouteGroup {
        @Override
        public void register(Api api) {
            api.add(Route.post("/things", "Make a thing").tag("things").roles("admin").accepts(Thing.class).returns(Thing.class)
                    .status(201), call -> {
                call.ctx().attribute("who", call.actor().username());
                call.respond(call.body(Thing.class));
            });
            api.add(Route.get("/things/{id}/boom", "Fails unexpectedly").tag("things"), call -> {
                throw new IllegalStateException("secret internal detail");
            });
            api.add(Route.get("/things/{id}/conflict", "Fails with a version conflict").tag("things"), call -> {
                throw new VersionConflict(call.path("id"), 1, new AnnotationSets.Current(2,
                        List.of(BoxAnnotation.of(LabelId.of(3), new PixelBox(1, 2, 3, 4))), Instant.EPOCH, Optional.of("ana"), "human"));
            });
            api.add(Route.get("/things/{id}/taken", "Fails with a conflict").tag("things"), call -> {
                throw new ConflictException("thing " + call.path("id") + " is taken");
            });
        }
    }

    private static TestServer start() {
        return TestServer.start(Dialect.SQLITE, TestServer.config(), ctx -> {
            List<RouteGroup> groups = new ArrayList<>(StandardRoutes.all(ctx));
            groups.add(new ThingRoutes());
            return groups;
        });
    }

    @Test
    void a_route_group_of_another_area_is_served_authenticated_and_documented() {
        try (TestServer t = start()) {
            assertEquals(401, t.anonymous().post("/things", "{\"name\":\"a\",\"size\":2}").status());
            Http.Response made = t.admin().post("/things", "{\"name\":\"a\",\"size\":2}");
            assertEquals(201, made.status(), made.text());
            assertEquals(2, made.json().get("size").asInt());

            JsonNode doc = t.anonymous().get("/openapi.json").json();
            assertEquals("3.0.3", doc.get("openapi").asText());
            JsonNode op = doc.at("/paths/~1things/post");
            assertEquals("Make a thing", op.get("summary").asText());
            assertEquals("#/components/schemas/Thing", op.at("/requestBody/content/application~1json/schema/$ref").asText());
            assertEquals("integer", doc.at("/components/schemas/Thing/properties/size/type").asText());
            assertTrue(op.get("description").asText().contains("admin"));
            assertTrue(doc.at("/paths/~1things~1{id}~1boom/get/parameters/0/name").asText().equals("id"));
        }
    }

    @Test
    void the_openapi_document_lists_every_registered_route() {
        try (TestServer t = start()) {
            JsonNode doc = t.anonymous().get("/openapi.json").json();
            for (Route r : t.server.routes()) {
                JsonNode op = doc.at("/paths/" + r.path().replace("~", "~0").replace("/", "~1") + "/" + r.method().name().toLowerCase());
                assertFalse(op.isMissingNode(), "missing " + r.method() + " " + r.path());
                assertFalse(op.at("/responses/" + r.status()).isMissingNode(), r.path());
            }
            assertEquals("#/components/schemas/UserView",
                    doc.at("/paths/~1users/get/responses/200/content/application~1json/schema/items/$ref").asText());
            assertTrue(doc.at("/paths/~1health/get/security").isEmpty(), "open routes need no credentials");
        }
    }

    @Test
    void an_unexpected_exception_is_a_500_with_a_correlation_id_and_no_internals() {
        try (TestServer t = start()) {
            Http.Response r = t.admin().get("/things/x/boom");
            assertEquals(500, r.status());
            String id = r.json().get("correlation_id").asText();
            assertTrue(r.json().get("detail").asText().contains(id));
            assertFalse(r.text().contains("secret internal detail") || r.text().contains("IllegalStateException"), r.text());
        }
    }

    @Test
    void a_version_conflict_is_a_409_carrying_the_current_state() {
        try (TestServer t = start()) {
            Http.Response r = t.admin().get("/things/img-1/conflict");
            assertEquals(409, r.status());
            JsonNode p = r.json();
            assertEquals("/problems/version-conflict", p.get("type").asText());
            assertEquals(1, p.get("expected_version").asInt());
            assertEquals(2, p.at("/current/version").asInt());
            assertEquals("box", p.at("/current/annotations/0/kind").asText());
            assertEquals("ana", p.at("/current/updated_by").asText());
            Http.Response taken = t.admin().get("/things/a/taken");
            assertEquals(409, taken.status());
            assertEquals("thing a is taken", taken.json().get("detail").asText());
        }
    }

    @Test
    void registering_the_same_route_twice_is_refused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TestServer.start(Dialect.SQLITE, TestServer.config(), ctx -> List.of(new ThingRoutes(), new ThingRoutes())));
        assertTrue(e.getMessage().contains("POST /things"), e.getMessage());
    }
}
