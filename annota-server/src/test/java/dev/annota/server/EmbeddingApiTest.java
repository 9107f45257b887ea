package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Embeddings over real HTTP on SQLite and PostgreSQL: real photos uploaded and embedded with the real SqueezeNet
 * 1.1 by the {@code embed} operation, then similar images, near-duplicates, clusters and the map.
 */
class EmbeddingApiTest {
    static List<Dialect> dialects() {
        return TestDatabases.dialects().toList();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void embeds_every_photo_and_answers_similarity_questions_sensibly(Dialect dialect) {
        try (EmbeddingFixture e = new EmbeddingFixture(dialect)) {
            JsonNode op = e.embedOperation;
            assertEquals("succeeded", op.get("state").asText(), op.toString());
            assertEquals("embed", op.get("kind").asText());
            assertEquals(11, op.get("result").get("embedded").asInt(), op.toString());
            assertEquals("squeezenet1.1-embed", op.get("result").get("model").asText());

            JsonNode models = e.as("reviewer").get("/projects/" + e.project() + "/embeddings").json().get("models");
            assertEquals("squeezenet1.1-embed", models.get(0).get("model_key").asText(), models.toString());
            assertEquals(512, models.get(0).get("dim").asInt());
            assertEquals(11, models.get(0).get("count").asInt());

            String wolves = e.ids.get("wolves.jpg");
            JsonNode similar = e.as("annotator").get("/images/" + wolves + "/similar?k=3").json();
            assertEquals(3, similar.get("results").size(), similar.toString());
            assertEquals(e.ids.get(EmbeddingFixture.SMALL_WOLVES), similar.get("results").get(0).get("image_id").asText(), similar.toString());
            assertTrue(similar.get("results").get(0).get("similarity").asDouble() > 0.9, similar.toString());
            assertEquals(e.ids.get("chelsea_cat.png"), e.as("admin").get("/images/" + e.ids.get("raccoon_face.jpg") + "/similar?k=1")
                    .json().get("results").get(0).get("image_id").asText());

            JsonNode dups = e.as("reviewer").get("/projects/" + e.project() + "/near-duplicates?threshold=0.9").json();
            assertEquals(1, dups.get("pairs").size(), dups.toString());
            Set<String> pair = Set.of(dups.get("pairs").get(0).get("image_a").asText(), dups.get("pairs").get(0).get("image_b").asText());
            assertEquals(Set.of(wolves, e.ids.get(EmbeddingFixture.SMALL_WOLVES)), pair);

            JsonNode clusters = e.as("annotator").post("/projects/" + e.project() + "/clusters", "{\"k\":4,\"seed\":7}").json();
            Set<String> members = new HashSet<>();
            for (JsonNode c : clusters.get("clusters")) {
                List<String> ids = new java.util.ArrayList<>();
                c.get("image_ids").forEach(id -> ids.add(id.asText()));
                assertTrue(ids.contains(c.get("medoid").asText()), c.toString());
                members.addAll(ids);
                assertTrue(!ids.contains(wolves) || ids.contains(e.ids.get(EmbeddingFixture.SMALL_WOLVES)), "wolves stay together: " + clusters);
            }
            assertEquals(new HashSet<>(e.ids.values()), members, "every unlabelled image in exactly one cluster");
            assertEquals(clusters, e.as("annotator").post("/projects/" + e.project() + "/clusters", "{\"k\":4,\"seed\":7}").json(),
                    "the same seed gives the same clusters");

            JsonNode map = e.as("reviewer").get("/projects/" + e.project() + "/map?clusters=3").json();
            assertEquals(11, map.get("points").size());
            assertEquals("pca", map.get("method").asText());
            assertTrue(map.get("variances").get(0).asDouble() >= map.get("variances").get(1).asDouble());
            map.get("points").forEach(p -> assertTrue(p.get("cluster").asInt() >= 0 && p.get("cluster").asInt() < 3, p.toString()));
            assertTrue(e.as("reviewer").get("/projects/" + e.project() + "/map").json().get("points").get(0).get("cluster") == null);

            String tsneUrl = "/projects/" + e.project() + "/map?method=tsne&perplexity=3&seed=5";
            JsonNode tsne = e.as("reviewer").get(tsneUrl).json();
            assertEquals("tsne", tsne.get("method").asText());
            assertEquals(11, tsne.get("points").size());
            assertEquals(tsne, e.as("reviewer").get(tsneUrl).json(), "the same seed gives the same t-SNE map");
            java.util.Map<String, double[]> at = new java.util.HashMap<>();
            tsne.get("points").forEach(p -> at.put(p.get("image_id").asText(), new double[] {p.get("x").asDouble(), p.get("y").asDouble()}));
            double[] w = at.get(wolves);
            String nearest = at.entrySet().stream().filter(x -> !x.getKey().equals(wolves))
                    .min(java.util.Comparator.comparingDouble(x -> Math.hypot(x.getValue()[0] - w[0], x.getValue()[1] - w[1])))
                    .orElseThrow().getKey();
            assertEquals(e.ids.get(EmbeddingFixture.SMALL_WOLVES), nearest, "the wolves' nearest point on the t-SNE map is their small copy");

            JsonNode again = e.embed("admin");
            assertEquals("succeeded", again.get("state").asText(), again.toString());
            assertEquals(0, again.get("result").get("embedded").asInt(), "a second run embeds nothing: " + again);
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void clusters_only_the_unlabelled_images_by_default(Dialect dialect) {
        try (EmbeddingFixture e = new EmbeddingFixture(dialect)) {
            String labelled = e.ids.get("coffee.png");
            assertEquals(200, e.as("admin").put("/images/" + labelled + "/annotations",
                    "{\"version\":0,\"annotations\":[{\"kind\":\"tag\",\"label\":1}]}").status());
            JsonNode unlabelled = e.as("manager").post("/projects/" + e.project() + "/clusters", "{\"k\":2}").json();
            assertEquals(10, unlabelled.get("images").asInt(), unlabelled.toString());
            JsonNode all = e.as("manager").post("/projects/" + e.project() + "/clusters", "{\"k\":2,\"only_unlabelled\":false}").json();
            assertEquals(11, all.get("images").asInt(), all.toString());
        }
    }
}
