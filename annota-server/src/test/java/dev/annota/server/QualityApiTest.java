package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality endpoints over real HTTP on SQLite and PostgreSQL, on real photos embedded with SqueezeNet 1.1:
 * eight photos tagged animal (circle) or thing (square) with the raccoon tagged wrongly, three left unlabelled
 * with tag suggestions of known confidences.
 */
class QualityApiTest {
    static final Map<String, Integer> TAGS = Map.of("wolves.jpg", 1, EmbeddingFixture.SMALL_WOLVES, 1, "darknet_horses.jpg", 1,
            "chelsea_cat.png", 1, "raccoon_face.jpg", 2, "opencv_orange.jpg", 2, "opencv_apple.jpg", 2, "opencv_fruits.jpg", 2);

    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static String tag(int label, double confidence) {
        return "{\"kind\":\"tag\",\"label\":" + label + ",\"confidence\":" + confidence + "}";
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void flags_the_mislabelled_photo_and_queues_the_least_certain_unlabelled_ones(Dialect dialect) {
        try (EmbeddingFixture e = new EmbeddingFixture(dialect)) {
            TAGS.forEach((file, label) -> {
                Http.Response r = e.as("annotator").put("/images/" + e.ids.get(file) + "/annotations",
                        "{\"version\":0,\"annotations\":[{\"kind\":\"tag\",\"label\":" + label + "}]}");
                assertEquals(200, r.status(), r.text());
            });
            suggest(e, "coffee.png", tag(1, 0.55), tag(2, 0.45));
            suggest(e, "opencv_home.jpg", tag(2, 0.7), tag(1, 0.3));
            suggest(e, "china_pagoda.jpg", tag(2, 0.95));
            String base = "/projects/" + e.project() + "/quality";

            JsonNode errors = e.as("reviewer").get(base + "/label-errors?folds=4").json();
            assertEquals(4, errors.get("folds").asInt(), errors.toString());
            assertTrue(errors.get("method").asText().contains("squeezenet1.1-embed"), errors.toString());
            JsonNode raccoon = null;
            for (JsonNode s : errors.get("suspects")) {
                if (s.get("image").asText().equals(e.ids.get("raccoon_face.jpg"))) {
                    raccoon = s;
                }
            }
            assertTrue(raccoon != null, "the raccoon tagged square is a suspect: " + errors);
            assertEquals("square", raccoon.get("given").asText());
            assertEquals("circle", raccoon.get("suggested").asText());
            assertTrue(errors.get("suspects").size() <= 3, "few of the eight are suspects: " + errors);

            JsonNode lc = e.as("annotator").get(base + "/next?strategy=least-confidence&n=3").json();
            assertEquals(List.of(e.ids.get("coffee.png"), e.ids.get("opencv_home.jpg"), e.ids.get("china_pagoda.jpg")), ids(lc), lc.toString());
            assertEquals(0.45, lc.get("images").get(0).get("score").asDouble(), 1e-9);
            assertEquals(0.05, lc.get("images").get(2).get("score").asDouble(), 1e-9, "the missing mass counts as another class");
            assertEquals(3, lc.get("candidates").asInt());
            assertEquals(ids(lc).subList(0, 2), ids(e.as("reviewer").get(base + "/next?strategy=entropy&n=2").json()));
            assertEquals(ids(lc).subList(0, 1), ids(e.as("manager").get(base + "/next?strategy=margin&n=1").json()));

            JsonNode kc = e.as("annotator").get(base + "/next?strategy=kcenter&n=2").json();
            assertEquals("squeezenet1.1-embed", kc.get("model").asText());
            assertEquals(3, kc.get("candidates").asInt(), "the three unlabelled embedded photos");
            assertEquals(2, kc.get("images").size());
            assertTrue(Set.of(e.ids.get("coffee.png"), e.ids.get("opencv_home.jpg"), e.ids.get("china_pagoda.jpg")).containsAll(ids(kc)));
            assertTrue(kc.get("images").get(0).get("score").asDouble() >= kc.get("images").get(1).get("score").asDouble(),
                    "greedy picks come farthest first: " + kc);
            assertEquals(2, e.as("admin").get(base + "/next?strategy=entropy-kcenter&n=2").json().get("images").size());

            assertEquals(400, e.as("annotator").get(base + "/next?strategy=confusion").status());
            assertEquals(400, e.as("annotator").get(base + "/next?n=0").status());
            assertEquals(400, e.as("annotator").get(base + "/label-errors?folds=1").status());
            assertEquals(403, e.as("outsider").get(base + "/next").status());
            assertEquals(403, e.as("outsider").get(base + "/label-errors").status());
            assertEquals(404, e.as("admin").get("/projects/nope/quality/next").status());
        }
    }

    private static void suggest(EmbeddingFixture e, String file, String... tags) {
        Http.Response r = e.as("manager").put("/images/" + e.ids.get(file) + "/suggestions/tagger",
                "{\"version\":\"v1\",\"annotations\":[" + String.join(",", tags) + "]}");
        assertEquals(200, r.status(), r.text());
    }

    private static List<String> ids(JsonNode next) {
        List<String> out = new ArrayList<>();
        next.get("images").forEach(i -> out.add(i.get("image_id").asText()));
        return out;
    }
}
