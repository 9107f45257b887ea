package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link WorkflowTeam} whose three annotators (ana, ben, cat) finished four images with overlap 3, through the
 * workflow API: image 0 all agree; image 1 cat's box is shifted and her tag differs; image 2 (all tag 2) cat adds a box nobody
 * else drew; image 3 is gold (known answer: tag 1 and a box) — ana and ben answer it right, cat tags 2 and misses
 * the box. Also a manager (boss), a reviewer (rev) and a user who is no member (out).
 */
final class QualityTeam implements AutoCloseable {
    static final String P = "/projects/" + WorkflowTeam.PROJECT;
    static final String TAG1 = "{\"kind\":\"tag\",\"label\":1}", TAG2 = "{\"kind\":\"tag\",\"label\":2}";
    final WorkflowTeam team;
    final List<String> images;

    QualityTeam(Dialect dialect) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("boss", "manager");
        members.put("ana", "annotator");
        members.put("ben", "annotator");
        members.put("cat", "annotator");
        members.put("rev", "reviewer");
        team = new WorkflowTeam(dialect, members, List.of("out"));
        images = team.imagesWithTasks(4, 3);
        String gold = images.get(3);
        ok(team.admin.put("/images/" + gold + "/annotations", "{\"version\":0,\"annotations\":[" + TAG1 + ","
                + box(1, 20, 20, 30, 30) + "]}"));
        ok(team.as("boss").put("/images/" + gold + "/gold", "{\"version\":1}"));
        ok(team.as("boss").post(P + "/workflow/assign", "{\"users\":" + WorkflowTeam.json(List.of(team.id("ana"),
                team.id("ben"), team.id("cat"))) + "}"));
        for (String who : List.of("ana", "ben", "cat")) {
            for (JsonNode job : ok(team.as(who).get(P + "/jobs?assignee=me")).get("items")) {
                String annotations = answer(who, images.indexOf(job.get("image_id").asText()));
                ok(team.as(who).put("/jobs/" + job.get("id").asText() + "/annotations",
                        "{\"version\":0,\"annotations\":[" + annotations + "]}"));
                ok(team.as(who).post("/jobs/" + job.get("id").asText() + "/submit", null));
            }
        }
    }

    private static String answer(String who, int image) {
        boolean cat = who.equals("cat");
        return switch (image) {
            case 0 -> TAG1 + "," + box(1, 10, 10, 20, 20);
            case 1 -> (cat ? TAG2 : TAG1) + "," + (cat ? box(1, 13, 11, 20, 20) : box(1, 10, 10, 20, 20));
            case 2 -> TAG2 + "," + box(1, 50, 40, 30, 30) + (cat ? "," + box(2, 0, 0, 10, 10) : "");
            default -> cat ? TAG2 : TAG1 + "," + box(1, 20, 20, 30, 30);
        };
    }

    static String box(int label, int x, int y, int w, int h) {
        return "{\"kind\":\"box\",\"label\":" + label + ",\"box\":[" + x + "," + y + "," + w + "," + h + "]}";
    }

    Http as(String who) {
        return team.as(who);
    }

    String id(String who) {
        return team.id(who);
    }

    static JsonNode ok(Http.Response r) {
        assertTrue(r.status() == 200 || r.status() == 201, r.status() + ": " + r.text());
        return r.json();
    }

    /** The annotator row of {@code who} in an agreement report. */
    JsonNode row(JsonNode report, String who) {
        for (JsonNode a : report.get("annotators")) {
            if (a.get("username").asText().equals(who)) {
                return a;
            }
        }
        throw new AssertionError(who + " is not in " + report);
    }

    /** Runs the consensus as the manager and waits for the operation to succeed; returns its final state. */
    JsonNode consensus(String body) {
        Http.Response r = as("boss").post(P + "/quality/consensus", body);
        assertEquals(202, r.status(), r.text());
        return ServerSentEvents.finalState(as("boss"), r.json().get("id").asText(), "succeeded");
    }

    @Override
    public void close() {
        team.close();
    }
}
