package dev.annota.server;

import static dev.annota.server.QualityTeam.P;
import static dev.annota.server.QualityTeam.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The quality API (agreement report, consensus, disagreements) over real HTTP, on SQLite and PostgreSQL: one team per
 * database, shared by the tests (the report is computed from the jobs, which the consensus does not change).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QualityApiTest {
    private final Map<Dialect, QualityTeam> teams = new EnumMap<>(Dialect.class);

    private QualityTeam team(Dialect dialect) {
        return teams.computeIfAbsent(dialect, QualityTeam::new);
    }

    @AfterAll
    void stop() {
        teams.values().forEach(QualityTeam::close);
    }

    Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_agreement_report_ranks_the_noisy_annotator_last_scores_gold_images_and_hides_others_from_annotators(Dialect dialect) {
        QualityTeam t = team(dialect);
        JsonNode report = ok(t.as("boss").get(P + "/quality/agreement"));
        JsonNode project = report.get("project");
        assertEquals(4, project.get("images").asInt(), report.toString());
        assertEquals(12, project.get("finished_jobs").asInt());
        assertEquals(1, project.get("gold_images").asInt());
        assertEquals(3, report.get("annotators").size());
        assertEquals(3, report.get("pairs").size());
        assertFalse(report.get("restricted").asBoolean());
        JsonNode ana = t.row(report, "ana"), cat = t.row(report, "cat");
        assertEquals(1.0, ana.get("gold_accuracy").asDouble(), 1e-12, "ana answered the gold image exactly");
        assertEquals(0.0, cat.get("gold_accuracy").asDouble(), 1e-12, "cat's tag and box were both wrong");
        assertTrue(cat.get("consensus_agreement").asDouble() < ana.get("consensus_agreement").asDouble(), report.toString());
        assertTrue(cat.get("mean_cohen_kappa").asDouble() < ana.get("mean_cohen_kappa").asDouble(), report.toString());
        JsonNode object = report.get("classes").get(0);
        assertEquals("object", object.get("name").asText());
        assertTrue(object.get("mean_iou").asDouble() > 0.7 && object.get("mean_iou").asDouble() < 1, object.toString());
        List<String> disputed = new ArrayList<>();
        report.get("disagreements").forEach(d -> disputed.add(d.get("image_id").asText()));
        assertEquals(List.of(t.images.get(1), t.images.get(2), t.images.get(3)), disputed.stream().sorted().toList());
        assertTrue(project.get("krippendorff_alpha").isNumber() && project.get("fleiss_kappa").isNumber(), project.toString());
        assertEquals(0.2, cat.get("mean_cohen_kappa").asDouble(), 1e-12, "tags 1,2,2,2 against 1,1,2,1 twice");
        assertEquals(0.6, ana.get("mean_cohen_kappa").asDouble(), 1e-12, "κ 1 with ben, 0.2 with cat");

        // who sees what
        JsonNode mine = ok(t.as("ben").get(P + "/quality/agreement"));
        assertTrue(mine.get("restricted").asBoolean());
        assertEquals(1, mine.get("annotators").size());
        assertEquals("ben", mine.get("annotators").get(0).get("username").asText());
        assertEquals(0, mine.get("pairs").size());
        assertEquals(0, mine.get("disagreements").size());
        assertEquals(3, ok(t.as("rev").get(P + "/quality/agreement")).get("annotators").size());
        Problems.assertProblem(t.as("out").get(P + "/quality/agreement"), 403, "not a member", "outsider");
        Problems.assertProblem(t.as("ana").post(P + "/quality/consensus", "{}"), 403, "manager", "annotator runs consensus");
        Problems.assertProblem(t.as("rev").post(P + "/quality/consensus", "{}"), 403, "manager", "reviewer runs consensus");
        Problems.assertProblem(t.as("ana").get(P + "/quality/disagreements"), 403, "reviewer", "annotator lists disputes");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void consensus_writes_the_majority_answer_and_sends_disagreements_to_review(Dialect dialect) {
        QualityTeam t = team(dialect);
        JsonNode op = t.consensus("{\"iou_threshold\":0.5}");
        JsonNode result = op.get("result");
        assertEquals(4, result.get("merged").asInt(), op.toString());
        assertEquals(3, result.get("needs_review").asInt(), op.toString());

        JsonNode set = ok(t.as("rev").get("/images/" + t.images.get(2) + "/annotations"));
        assertEquals(2, set.get("annotations").size(), "the tag and the box two of three drew: " + set);
        JsonNode history = ok(t.as("boss").get("/images/" + t.images.get(2) + "/annotations/history"));
        assertEquals("consensus", history.get(0).get("source").asText(), history.toString());

        JsonNode box = ok(t.as("boss").get("/images/" + t.images.get(1) + "/annotations")).get("annotations").get(1);
        assertEquals(11, box.get("box").get(0).asDouble(), 1e-9, "weighted box fusion of x = 10, 10, 13");

        JsonNode waiting = ok(t.as("rev").get(P + "/quality/disagreements"));
        assertEquals(3, waiting.get("items").size(), waiting.toString());
        JsonNode first = waiting.get("items").get(0);
        assertTrue(first.get("needs_review").asBoolean());
        assertEquals(3, first.get("details").get("jobs").size());
        assertTrue(first.get("details").get("disputed").size() > 0, first.toString());

        JsonNode resolved = ok(t.as("rev").post("/images/" + first.get("image_id").asText() + "/consensus/resolve", null));
        assertFalse(resolved.get("needs_review").asBoolean());
        assertEquals(2, ok(t.as("boss").get(P + "/quality/disagreements")).get("items").size());
    }
}
