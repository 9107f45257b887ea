package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.embeddings.ImageEmbeddings;
import dev.annota.store.embeddings.ImageVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality endpoints over real HTTP on SQLite and PostgreSQL. Sixteen uploaded images with stored embeddings
 * in two clear groups (around the directions (1, 0, 0) and (0, 1, 0)); twelve tagged by group — circle, square — except image 5 of the
 * first group, tagged square; four left unlabelled, three of them with tag suggestions of known confidences and
 * one far from every labelled image (direction (0, 0, 1)).
 */
class CurationApiTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    static String tag(int label, double confidence) {
        return "{\"kind\":\"tag\",\"label\":" + label + ",\"confidence\":" + confidence + "}";
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void flags_the_mislabelled_image_and_queues_the_least_certain_unlabelled_ones(Dialect dialect) {
        try (ImageFixture f = new ImageFixture(dialect)) {
            List<String> ids = new ArrayList<>();
            f.upload(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15).get("added").forEach(a -> ids.add(a.get("image_id").asText()));
            Random rnd = new Random(3);
            List<ImageVector> vectors = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                float[] v = i < 6 ? new float[] {1, 0, 0} : i < 12 ? new float[] {0, 1, 0} : i < 15 ? new float[] {0.5f, 0.5f, 0}
                        : new float[] {0, 0, 1};
                for (int k = 0; k < 3; k++) {
                    v[k] += (float) rnd.nextGaussian() * 0.05f;
                }
                vectors.add(new ImageVector(ids.get(i), v));
            }
            new ImageEmbeddings(f.server.db).putAll(f.project, "synthetic", vectors, Instant.now());
            for (int i = 0; i < 12; i++) {
                int label = i < 6 && i != 5 ? 1 : 2;
                Http.Response r = f.http.get("annotator").put("/images/" + ids.get(i) + "/annotations",
                        "{\"version\":0,\"annotations\":[{\"kind\":\"tag\",\"label\":" + label + "}]}");
                assertEquals(200, r.status(), r.text());
            }
            suggest(f, ids.get(12), tag(1, 0.55), tag(2, 0.45));
            suggest(f, ids.get(13), tag(2, 0.7), tag(1, 0.3));
            suggest(f, ids.get(14), tag(2, 0.95));
            String base = "/projects/" + f.project + "/quality";

            Http.Response response = f.http.get("reviewer").get(base + "/label-errors?folds=3");
            assertEquals(200, response.status(), response.text());
            JsonNode errors = response.json();
            assertEquals(3, errors.get("folds").asInt(), errors.toString());
            assertEquals("linear head on embeddings synthetic", errors.get("method").asText());
            JsonNode top = errors.get("suspects").get(0);
            assertEquals(ids.get(5), top.get("image").asText(), errors.toString());
            assertEquals("square", top.get("given").asText());
            assertEquals("circle", top.get("suggested").asText());
            assertTrue(errors.get("suspects").size() <= 3, "at most a quarter of the twelve are suspects: " + errors);

            JsonNode lc = f.http.get("annotator").get(base + "/next?strategy=least-confidence&n=3").json();
            assertEquals(ids.subList(12, 15), ids(lc), lc.toString());
            assertEquals(0.45, lc.get("images").get(0).get("score").asDouble(), 1e-9);
            assertEquals(0.05, lc.get("images").get(2).get("score").asDouble(), 1e-9, "the missing mass counts as another class");
            assertEquals(3, lc.get("candidates").asInt());
            assertEquals(ids.subList(12, 14), ids(f.http.get("reviewer").get(base + "/next?strategy=entropy&n=2").json()));
            assertEquals(ids.subList(12, 13), ids(f.http.get("manager").get(base + "/next?strategy=margin&n=1").json()));

            JsonNode kc = f.http.get("annotator").get(base + "/next?strategy=kcenter&n=2").json();
            assertEquals("synthetic", kc.get("model").asText());
            assertEquals(4, kc.get("candidates").asInt(), "the four unlabelled embedded images");
            assertEquals(ids.get(15), ids(kc).get(0), "the image far from every labelled one first: " + kc);
            assertTrue(kc.get("images").get(0).get("score").asDouble() >= kc.get("images").get(1).get("score").asDouble(), kc.toString());
            List<String> combined = ids(f.http.get("admin").get(base + "/next?strategy=entropy-kcenter&n=2").json());
            assertEquals(2, combined.size());
            assertTrue(ids.subList(12, 15).containsAll(combined), "the combined strategy keeps to images with suggestions: " + combined);

            assertEquals(400, f.http.get("annotator").get(base + "/next?strategy=confusion").status());
            assertEquals(400, f.http.get("annotator").get(base + "/next?n=0").status());
            assertEquals(400, f.http.get("annotator").get(base + "/label-errors?folds=1").status());
            assertEquals(403, f.http.get("outsider").get(base + "/next").status());
            assertEquals(403, f.http.get("outsider").get(base + "/label-errors").status());
            assertEquals(404, f.http.get("admin").get("/projects/nope/quality/next").status());
        }
    }

    private static void suggest(ImageFixture f, String image, String... tags) {
        Http.Response r = f.http.get("manager").put("/images/" + image + "/suggestions/tagger",
                "{\"version\":\"v1\",\"annotations\":[" + String.join(",", tags) + "]}");
        assertEquals(200, r.status(), r.text());
    }

    private static List<String> ids(JsonNode next) {
        List<String> out = new ArrayList<>();
        next.get("images").forEach(i -> out.add(i.get("image_id").asText()));
        return out;
    }
}
