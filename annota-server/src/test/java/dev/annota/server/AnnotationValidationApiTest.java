package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both ways of saving annotations (an image's set, a workflow job's set) check them against the project's label
 * schema with the same validator: each violation is a 400 whose error points at the annotation and its field.
 */
class AnnotationValidationApiTest {
    /** 1 Car (box, polygon; select colour red/blue), 2 Person (box, keypoints; skeleton head-neck-hip). */
    static final String SCHEMA = "{\"classes\":[{\"name\":\"Car\",\"kinds\":[\"box\",\"polygon\"],\"attributes\":[{\"name\":"
            + "\"colour\",\"type\":\"select\",\"options\":[\"red\",\"blue\"]}]},{\"name\":\"Person\",\"kinds\":[\"box\","
            + "\"keypoints\"],\"skeleton\":{\"points\":[\"head\",\"neck\",\"hip\"],\"edges\":[[0,1],[1,2]]}}]}";
    private static final String GOOD = "{\"kind\":\"box\",\"label\":1,\"box\":[1,1,5,5],\"attributes\":{\"colour\":\"red\"}}";

    /** A bad annotation, put second after a good one, and where its error must point. */
    record Case(String what, String annotation, String location) {
    }

    static final List<Case> CASES = List.of(
            new Case("an unknown class", "{\"kind\":\"box\",\"label\":9,\"box\":[1,1,5,5]}", "/annotations/1/label"),
            new Case("a kind the class does not allow", "{\"kind\":\"keypoints\",\"label\":1,\"keypoints\":[1,1,2]}",
                    "/annotations/1/kind"),
            new Case("an attribute the class does not have", "{\"kind\":\"box\",\"label\":1,\"box\":[1,1,5,5],\"attributes\":"
                    + "{\"size\":\"big\"}}", "/annotations/1/attributes/size"),
            new Case("an attribute value out of its options", "{\"kind\":\"box\",\"label\":1,\"box\":[1,1,5,5],\"attributes\":"
                    + "{\"colour\":\"green\"}}", "/annotations/1/attributes/colour"),
            new Case("an attribute of the wrong type", "{\"kind\":\"box\",\"label\":1,\"box\":[1,1,5,5],\"attributes\":"
                    + "{\"colour\":7}}", "/annotations/1/attributes/colour"),
            new Case("keypoints not matching the skeleton", "{\"kind\":\"keypoints\",\"label\":2,\"keypoints\":[1,1,2,3,3,2]}",
                    "/annotations/1/keypoints"));

    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_schema_violation_is_a_400_pointing_at_the_annotation_and_field_on_both_save_paths(Dialect dialect) {
        try (TestServer t = TestServer.start(dialect)) {
            Http admin = t.admin();
            String project = ProjectApi.create(admin, "Validation", SCHEMA);
            String image = ProjectApi.annotatedImage(t, project, "img-v", List.of());
            Http.Response tasks = admin.post("/projects/" + project + "/workflow/tasks", "{\"image_ids\":[\"" + image + "\"],\"overlap\":1}");
            assertEquals(200, tasks.status(), tasks.text());
            String job = admin.get("/projects/" + project + "/jobs?image=" + image).json().get("items").get(0).get("id").asText();
            for (Case c : CASES) {
                String body = "{\"version\":1,\"annotations\":[" + GOOD + "," + c.annotation() + "]}";
                for (String path : List.of("/images/" + image + "/annotations", "/jobs/" + job + "/annotations")) {
                    Http.Response r = admin.put(path, body);
                    assertEquals(400, r.status(), c.what() + " via " + path + ": " + r.text());
                    JsonNode errors = r.json().get("errors");
                    assertEquals(1, errors.size(), c.what() + ": only the bad annotation is reported: " + r.text());
                    assertEquals(c.location(), errors.get(0).get("location").asText(), c.what() + " via " + path);
                    assertTrue(errors.get(0).get("message").asText().length() > 10, r.text());
                }
            }
            assertEquals(1, admin.get("/images/" + image + "/annotations").json().get("version").asInt(), "nothing was saved");
            Http.Response ok = admin.put("/jobs/" + job + "/annotations", "{\"version\":1,\"annotations\":[" + GOOD + "]}");
            assertEquals(200, ok.status(), ok.text());
        }
    }
}
