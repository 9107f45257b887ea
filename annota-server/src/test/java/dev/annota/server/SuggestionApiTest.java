package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Suggestions over real HTTP: upload, list, accept (plain, edited, stale), reject, on SQLite and PostgreSQL. */
class SuggestionApiTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static String box(int label, double x, double confidence) {
        return "{\"kind\":\"box\",\"label\":" + label + ",\"box\":[" + x + ",10,20,20],\"confidence\":" + confidence + "}";
    }

    /** Uploads model {@code model}'s boxes with these confidences as the manager; returns the stored suggestion ids. */
    static List<String> put(ImageFixture f, String image, String model, double... confidences) {
        List<String> boxes = new ArrayList<>();
        for (int i = 0; i < confidences.length; i++) {
            boxes.add(box(1 + i % 2, 5 + 10 * i, confidences[i]));
        }
        Http.Response r = f.http.get("manager").put("/images/" + image + "/suggestions/" + model,
                "{\"version\":\"v1\",\"annotations\":[" + String.join(",", boxes) + "]}");
        assertEquals(200, r.status(), r.text());
        return new ArrayList<>(texts(r.json().get("suggestions"), "id"));
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_annotator_accepts_edits_and_rejects_a_models_suggestions(Dialect dialect) {
        try (ImageFixture f = new ImageFixture(dialect)) {
            String image = f.oneImage(0);
            String base = "/images/" + image + "/suggestions";
            List<String> ids = put(f, image, "yolo", 0.9, 0.5, 0.2);
            JsonNode listed = f.http.get("reviewer").get(base).json();
            assertEquals(3, listed.get("suggestions").size());
            JsonNode first = listed.get("suggestions").get(0);
            assertEquals("yolo", first.get("model").asText());
            assertEquals("v1", first.get("model_version").asText());
            assertEquals("model", first.get("annotation").get("source").get("type").asText(), first.toString());
            assertEquals(2, f.http.get("reviewer").get(base + "?min_confidence=0.4").json().get("suggestions").size());

            Http annotator = f.http.get("annotator");
            Http.Response accepted = annotator.post(base + "/accept", "{\"version\":0,\"ids\":[\"" + ids.get(0) + "\"]}");
            assertEquals(200, accepted.status(), accepted.text());
            assertEquals(1, accepted.json().get("version").asLong());
            JsonNode set = annotator.get("/images/" + image + "/annotations").json();
            JsonNode a = set.get("annotations").get(0);
            assertEquals("human", a.get("source").get("type").asText(), a.toString());
            assertEquals("annotator", a.get("source").get("user").asText());
            assertEquals(0.9, a.get("confidence").asDouble());
            assertEquals("suggestions of yolo v1", annotator.get("/images/" + image + "/annotations/history").json().get(0).get("source").asText());

            Http.Response stale = annotator.post(base + "/accept", "{\"version\":0,\"ids\":[\"" + ids.get(1) + "\"]}");
            assertEquals(409, stale.status(), stale.text());
            assertEquals(2, annotator.get(base).json().get("suggestions").size(), "nothing was taken by the stale accept");

            Http.Response edited = annotator.post(base + "/accept", "{\"version\":1,\"ids\":[\"" + ids.get(1) + "\"],\"annotation\":"
                    + "{\"kind\":\"box\",\"label\":1,\"box\":[1,2,3,4]}}");
            assertEquals(200, edited.status(), edited.text());
            JsonNode second = annotator.get("/images/" + image + "/annotations").json().get("annotations").get(1);
            assertEquals(1, second.get("label").asInt());
            assertFalse(second.has("confidence"), second.toString());

            Http.Response rejected = annotator.post(base + "/reject", "{\"all\":true}");
            assertEquals(200, rejected.status(), rejected.text());
            assertEquals(List.of(ids.get(2)), List.of(rejected.json().get("rejected").get(0).asText()));
            assertEquals(0, annotator.get(base).json().get("suggestions").size());

            List<String> again = put(f, image, "yolo", 0.95, 0.3, 0.92);
            Http.Response all = annotator.post(base + "/accept", "{\"version\":2,\"all\":true,\"min_confidence\":0.9}");
            assertEquals(200, all.status(), all.text());
            assertEquals(Set.of(again.get(0), again.get(2)), texts(all.json().get("accepted"), ""));
            assertEquals(4, annotator.get("/images/" + image + "/annotations").json().get("annotations").size());
            assertEquals(List.of(again.get(1)), new ArrayList<>(texts(annotator.get(base).json().get("suggestions"), "id")));
        }
    }

    /** The text of {@code field} of each element (of each element itself when {@code field} is empty), in order. */
    static Set<String> texts(JsonNode array, String field) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add((field.isEmpty() ? n : n.get(field)).asText()));
        return out;
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void predictions_reaching_past_the_border_are_clipped_and_unknown_classes_refused(Dialect dialect) {
        try (ImageFixture f = new ImageFixture(dialect)) {
            String image = f.oneImage(1);
            Http.Response r = f.http.get("manager").put("/images/" + image + "/suggestions/det",
                    "{\"version\":\"1\",\"annotations\":[{\"kind\":\"box\",\"label\":1,\"box\":[150,100,30,30],\"confidence\":0.7}]}");
            assertEquals(200, r.status(), r.text());
            assertEquals("[150.0,100.0,10.0,20.0]", r.json().get("suggestions").get(0).get("annotation").get("box").toString());
            Http.Response bad = f.http.get("manager").put("/images/" + image + "/suggestions/det",
                    "{\"version\":\"1\",\"annotations\":[{\"kind\":\"box\",\"label\":9,\"box\":[1,1,3,3],\"confidence\":0.7}]}");
            assertEquals(400, bad.status(), bad.text());
            assertTrue(bad.text().contains("/annotations/0"), bad.text());
        }
    }
}
