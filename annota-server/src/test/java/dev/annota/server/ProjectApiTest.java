package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Projects and label schemas over real HTTP, on SQLite and PostgreSQL. */
class ProjectApiTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static Annotation box(int label) {
        return BoxAnnotation.of(LabelId.of(label), new PixelBox(1, 2, 3, 4));
    }

    static List<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText()).toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_admin_creates_reads_updates_and_deletes_a_project(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            Http.Response created = admin.post("/projects", "{\"name\":\"Streets\",\"guidelines\":\"# Boxes\\n\\n* tight\","
                    + "\"schema\":" + ProjectApi.TWO_CLASSES + "}");
            assertEquals(201, created.status(), created.text());
            String id = created.json().get("id").asText();
            assertEquals("/api/v1/projects/" + id, created.header("Location").orElseThrow());
            assertEquals(List.of("Car", "Bus"), names(created.json().get("schema").get("classes"), "name"));
            assertEquals(0, created.json().get("schema_version").asLong());

            JsonNode read = admin.get("/projects/" + id).json();
            assertEquals("# Boxes\n\n* tight", read.get("guidelines").asText());
            String adminId = admin.get("/auth/me").json().get("id").asText();
            assertEquals("manager", admin.get("/projects/" + id + "/members/" + adminId).json().get("role").asText(),
                    "the creator manages the project");

            Http.Response patched = admin.patch("/projects/" + id, "{\"name\":\"City streets\",\"guidelines\":\"## New\"}");
            assertEquals(200, patched.status(), patched.text());
            assertEquals("City streets", patched.json().get("name").asText());
            assertEquals("## New", admin.get("/projects/" + id).json().get("guidelines").asText());
            assertEquals(List.of("City streets"), names(admin.get("/projects").json(), "name"));

            assertEquals(204, admin.delete("/projects/" + id).status());
            assertEquals(404, admin.get("/projects/" + id).status());
            assertEquals(List.of(), names(admin.get("/projects").json(), "name"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_list_shows_a_user_only_the_projects_they_are_a_member_of_and_an_admin_all(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String a = ProjectApi.create(admin, "Alpha", "{}");
            ProjectApi.create(admin, "Beta", "{}");
            String c = ProjectApi.create(admin, "Gamma", "{}");
            String ann = t.createUser("ann", "password-ann", "user");
            t.createUser("nobody", "password-nobody", "user");
            ProjectApi.addMember(admin, a, ann, "annotator");
            ProjectApi.addMember(admin, c, ann, "reviewer");
            assertEquals(List.of("Alpha", "Beta", "Gamma"), names(admin.get("/projects").json(), "name"));
            assertEquals(List.of("Alpha", "Gamma"), names(t.login("ann", "password-ann").get("/projects").json(), "name"));
            assertEquals(List.of(), names(t.login("nobody", "password-nobody").get("/projects").json(), "name"));
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void renaming_a_class_keeps_its_annotations_untouched(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String p = ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES);
            String img = ProjectApi.annotatedImage(t, p, "img-1", List.of(box(1), box(1), box(2)));
            AnnotationSets sets = new AnnotationSets(t.db);
            List<Annotation> before = sets.get(img).annotations();

            Http.Response r = admin.patch("/projects/" + p + "/schema/classes/1", "{\"schema_version\":0,\"name\":\"Automobile\"}");
            assertEquals(200, r.status(), r.text());
            assertEquals(1, r.json().get("schema_version").asLong());
            assertEquals(0, r.json().get("annotations_changed").asInt());
            assertEquals("\"1\"", r.header("ETag").orElseThrow());
            assertEquals(1, sets.get(img).version(), "the annotation set got no new version");
            assertEquals(before, sets.get(img).annotations());
            Http.Response schema = admin.get("/projects/" + p + "/schema");
            assertEquals("\"1\"", schema.header("ETag").orElseThrow());
            assertEquals(List.of("Automobile", "Bus"), names(schema.json().get("schema").get("classes"), "name"));
            assertEquals(1, schema.json().get("schema").get("classes").get(0).get("id").asInt(), "the id stays");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void deleting_a_class_in_use_is_refused_with_counts_until_the_caller_chooses_to_delete_the_annotations(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String p = ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES);
            String img1 = ProjectApi.annotatedImage(t, p, "img-1", List.of(box(1), box(1), box(2)));
            String img2 = ProjectApi.annotatedImage(t, p, "img-2", List.of(box(1)));
            ProjectApi.annotatedImage(t, p, "img-3", List.of(box(2)));

            Http.Response refused = admin.delete("/projects/" + p + "/schema/classes/1?schema_version=0");
            assertEquals(409, refused.status(), refused.text());
            JsonNode problem = refused.json();
            assertEquals("/problems/change-refused", problem.get("type").asText());
            assertEquals(3, problem.get("annotations").asInt());
            assertEquals(2, problem.get("images").asInt());
            assertTrue(problem.get("detail").asText().contains("delete_annotations"), problem.toString());
            assertEquals(0, ProjectApi.version(admin, p), "nothing changed");

            Http.Response deleted = admin.delete("/projects/" + p + "/schema/classes/1?schema_version=0&on_use=delete_annotations");
            assertEquals(200, deleted.status(), deleted.text());
            assertEquals(1, deleted.json().get("schema_version").asLong());
            assertEquals(3, deleted.json().get("annotations_changed").asInt());
            assertEquals(2, deleted.json().get("images_changed").asInt());
            assertEquals(List.of("Bus"), names(deleted.json().get("schema").get("classes"), "name"));
            AnnotationSets sets = new AnnotationSets(t.db);
            assertEquals(List.of(box(2)), sets.get(img1).annotations());
            assertEquals(List.of(), sets.get(img2).annotations());
            List<AnnotationSets.Version> history = sets.history(img1);
            assertEquals(2, history.size(), "the history has the new version and keeps the old one");
            AnnotationSets.Version newest = history.stream().max(java.util.Comparator.comparingLong(AnnotationSets.Version::version))
                    .orElseThrow();
            assertEquals(2, newest.version());
            assertTrue(newest.source().contains("deleted class \"Car\""), newest.source());
            assertEquals(3, sets.version(img1, 1).orElseThrow().size(), "version 1 still holds the deleted annotations");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_stale_schema_version_is_a_conflict_carrying_the_current_schema(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String p = ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES);
            Http.Response added = admin.withHeader("If-Match", "\"0\"").post("/projects/" + p + "/schema/classes",
                    "{\"name\":\"Truck\",\"kinds\":[\"box\"]}");
            assertEquals(201, added.status(), added.text());
            assertEquals("\"1\"", added.header("ETag").orElseThrow());
            assertEquals(3, added.json().get("schema").get("classes").get(2).get("id").asInt());

            for (Http.Response stale : List.of(
                    admin.patch("/projects/" + p + "/schema/classes/2", "{\"schema_version\":0,\"name\":\"Coach\"}"),
                    admin.withHeader("If-Match", "\"0\"").post("/projects/" + p + "/schema/classes", "{\"name\":\"Van\"}"),
                    admin.delete("/projects/" + p + "/schema/classes/2?schema_version=0"))) {
                assertEquals(409, stale.status(), stale.text());
                JsonNode problem = stale.json();
                assertEquals("/problems/schema-version-conflict", problem.get("type").asText());
                assertEquals(0, problem.get("expected_version").asLong());
                assertEquals(1, problem.get("current_version").asLong());
                assertEquals(List.of("Car", "Bus", "Truck"), names(problem.get("current").get("schema").get("classes"), "name"));
            }
            assertEquals(1, ProjectApi.version(admin, p), "nothing changed");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_change_that_would_invalidate_annotations_is_refused_with_the_problems_unless_they_are_kept(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String p = ProjectApi.create(admin, "Streets", ProjectApi.TWO_CLASSES);
            String img = ProjectApi.annotatedImage(t, p, "img-1", List.of(box(1), box(1)));
            Http.Response refused = admin.patch("/projects/" + p + "/schema/classes/1", "{\"schema_version\":0,\"kinds\":[\"polygon\"]}");
            assertEquals(409, refused.status(), refused.text());
            assertEquals(2, refused.json().get("annotations").asInt());
            assertEquals(1, refused.json().get("images").asInt());
            assertEquals(2, refused.json().get("problems").get("kind").asInt(), refused.text());

            Http.Response kept = admin.patch("/projects/" + p + "/schema/classes/1",
                    "{\"schema_version\":0,\"kinds\":[\"polygon\"],\"colour\":\"#00ff00\",\"on_use\":\"keep_annotations\"}");
            assertEquals(200, kept.status(), kept.text());
            JsonNode car = kept.json().get("schema").get("classes").get(0);
            assertEquals("#00FF00", car.get("colour").asText());
            assertEquals("Car", car.get("name").asText(), "absent fields stay");
            assertEquals(1, new AnnotationSets(t.db).get(img).version(), "the annotations were kept as they are");
        }
    }
}
