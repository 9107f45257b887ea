package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The audit log (GET /audit) shows who did what for each action that changes a project, on SQLite and PostgreSQL. */
class AuditLogApiTest {
    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    /** A server with project "Streets" (Car, Bus), its manager "mia" and annotator "ann", signed in. */
    private record World(TestServer t, Http admin, String project, String mia, String ann) implements AutoCloseable {
        static World start(Dialect dialect) {
            TestServer t = TestServer.start(dialect);
            Http admin = t.admin();
            String project = ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES);
            String mia = t.createUser("mia", "password-mia", "user");
            String ann = t.createUser("ann", "password-ann", "user");
            ProjectApi.addMember(admin, project, mia, "manager");
            ProjectApi.addMember(admin, project, ann, "annotator");
            return new World(t, admin, project, mia, ann);
        }

        Http as(String user) {
            return t.login(user, "password-" + user);
        }

        /** The entries with {@code action}, newest first. */
        List<JsonNode> entries(String action) {
            Http.Response r = admin.get("/audit?limit=1000");
            assertEquals(200, r.status(), r.text());
            List<JsonNode> out = new ArrayList<>();
            r.json().get("entries").forEach(e -> {
                if (e.get("action").asText().equals(action)) {
                    out.add(e);
                }
            });
            return out;
        }

        /** The newest entry with {@code action}, checked to be by {@code userId} on {@code target} with {@code detail}. */
        void assertLogged(String action, String userId, String target, String detail) {
            List<JsonNode> found = entries(action);
            assertTrue(!found.isEmpty(), "no " + action + " entry");
            JsonNode e = found.get(0);
            assertEquals(userId, e.get("user_id").asText(), e.toString());
            assertEquals(target, e.get("target").asText(), e.toString());
            assertTrue(e.get("detail").asText().contains(detail), detail + " in " + e);
        }

        @Override
        public void close() {
            t.close();
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void creating_changing_the_guidelines_of_and_deleting_a_project_are_logged(Dialect dialect) {
        try (World w = World.start(dialect)) {
            String adminId = w.entries("project.create").get(0).get("user_id").asText();
            w.assertLogged("project.create", adminId, "project:" + w.project(), "\"Streets\"");
            assertEquals(200, w.as("mia").patch("/projects/" + w.project(), "{\"guidelines\":\"# Box every car\"}").status());
            w.assertLogged("project.update", w.mia(), "project:" + w.project(), "guidelines");
            assertEquals(204, w.as("mia").delete("/projects/" + w.project()).status());
            w.assertLogged("project.delete", w.mia(), "project:" + w.project(), "\"Streets\"");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void adding_changing_and_removing_a_member_are_logged(Dialect dialect) {
        try (World w = World.start(dialect)) {
            String rex = w.t().createUser("rex", "password-rex", "user");
            Http mia = w.as("mia");
            assertEquals(201, mia.put("/projects/" + w.project() + "/members/" + rex, "{\"role\":\"reviewer\"}").status());
            w.assertLogged("member.add", w.mia(), "project:" + w.project(), rex);
            assertEquals(200, mia.put("/projects/" + w.project() + "/members/" + rex, "{\"role\":\"annotator\"}").status());
            w.assertLogged("member.update", w.mia(), "project:" + w.project(), rex);
            assertEquals(204, mia.delete("/projects/" + w.project() + "/members/" + rex).status());
            w.assertLogged("member.remove", w.mia(), "project:" + w.project(), rex);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_schema_edit_is_logged_with_the_class_and_the_in_use_choice(Dialect dialect) {
        try (World w = World.start(dialect)) {
            Http mia = w.as("mia");
            String classes = "/projects/" + w.project() + "/schema/classes";
            String target = "project:" + w.project();
            assertEquals(201, mia.post(classes, "{\"name\":\"Truck\",\"schema_version\":0}").status());
            w.assertLogged("schema.class_add", w.mia(), target, "added class \"Truck\" (id 3)");
            assertEquals(200, mia.patch(classes + "/1", "{\"name\":\"Auto\",\"schema_version\":1}").status());
            w.assertLogged("schema.class_rename", w.mia(), target, "renamed class \"Car\" (id 1) to \"Auto\"");
            assertEquals(200, mia.patch(classes + "/1", "{\"colour\":\"#112233\",\"schema_version\":2}").status());
            w.assertLogged("schema.class_update", w.mia(), target, "changed class \"Auto\" (id 1)");
            ProjectApi.annotatedImage(w.t(), w.project(), "img-1", List.of(BoxAnnotation.of(LabelId.of(2), new PixelBox(1, 1, 5, 5))));
            assertEquals(409, mia.delete(classes + "/2?schema_version=3").status(), "in use: needs a choice");
            assertEquals(200, mia.delete(classes + "/2?schema_version=3&on_use=reassign_to&reassign_to=3").status());
            w.assertLogged("schema.class_delete", w.mia(), target, "deleted class \"Bus\" (id 2), annotations relabelled to "
                    + "\"Truck\" (id 3) (1 annotation on 1 image rewritten)");
            assertEquals(1, w.entries("schema.class_delete").size(), "the refused delete is not logged");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void restoring_annotations_is_logged_with_the_versions(Dialect dialect) {
        try (World w = World.start(dialect)) {
            String image = ProjectApi.annotatedImage(w.t(), w.project(), "img-1", List.of(BoxAnnotation.of(LabelId.of(1),
                    new PixelBox(1, 1, 5, 5))));
            Http ann = w.as("ann");
            assertEquals(200, ann.put("/images/" + image + "/annotations", "{\"version\":1,\"annotations\":[]}").status());
            Http.Response restored = ann.post("/images/" + image + "/annotations/restore", "{\"version\":1,\"expected_version\":2}");
            assertEquals(200, restored.status(), restored.text());
            w.assertLogged("annotations.restore", w.ann(), "image:" + image, "restored version 1 as version 3");
        }
    }
}
