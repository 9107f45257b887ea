package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and illegal requests to the workflow endpoints: each a 4xx problem JSON whose detail says what is
 * wrong. None of them changes anything, so they share one fixture per database: {@code {started}} is ana's job in
 * progress (its set at version 1), {@code {fresh}} ana's job not yet started, {@code {own}} a job the manager
 * {@code boss} annotated and submitted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowMalformedRequestsTest {
    static final String P = "/projects/p1";

    /** what, caller, method, path, body, status, text the detail must contain (case-insensitive). */
    static final Object[][] CASES = {
        {"accepting a job that is not submitted", "rev", "POST", "/jobs/{started}/accept", null, 409, "only a submitted job can be accepted"},
        {"reviewing one's own job", "boss", "POST", "/jobs/{own}/accept", null, 403, "they annotated it"},
        {"an annotator rejecting", "ana", "POST", "/jobs/{own}/reject", "{\"text\":\"no\"}", 403, "the role manager or reviewer"},
        {"an unknown job id", "ana", "GET", "/jobs/no-such-job", null, 404, "no-such-job"},
        {"comments of an unknown job", "ana", "POST", "/jobs/no-such-job/comments", "{\"text\":\"hi\"}", 404, "no-such-job"},
        {"reopening an unknown task", "boss", "POST", "/tasks/no-such-task/reopen", "{\"reason\":\"x\"}", 404, "no-such-task"},
        {"the task of an image without one", "ana", "GET", "/images/no-such-image/task", null, 404, "no-such-image"},
        {"an overlap of 0", "boss", "POST", P + "/workflow/tasks", "{\"overlap\":0}", 400, "from 1 to 20"},
        {"an overlap of 21", "boss", "POST", P + "/workflow/tasks", "{\"image_ids\":[\"{image}\"],\"overlap\":21}", 400, "from 1 to 20"},
        {"an overlap as text", "boss", "POST", P + "/workflow/tasks", "{\"overlap\":\"two\"}", 400, "expected a whole number"},
        {"no overlap", "boss", "POST", P + "/workflow/tasks", "{\"image_ids\":[\"{image}\"]}", 400, "field 'overlap': required"},
        {"an empty image list", "boss", "POST", P + "/workflow/tasks", "{\"image_ids\":[],\"overlap\":1}", 400, "at least one image"},
        {"a null image id", "boss", "POST", P + "/workflow/tasks", "{\"image_ids\":[null],\"overlap\":1}", 400, "not null"},
        {"an image of no project", "boss", "POST", P + "/workflow/tasks", "{\"image_ids\":[\"ghost\"],\"overlap\":1}", 404, "image ghost is not an image of project p1"},
        {"a bad state filter", "ana", "GET", P + "/jobs?state=finished", null, 400, "expected one of new, in_progress, submitted"},
        {"a bad stage filter", "ana", "GET", P + "/jobs?stage=reviewing", null, 400, "expected one of annotate, review, done"},
        {"a page size of 0", "ana", "GET", P + "/jobs?limit=0", null, 400, "from 1 to 1000"},
        {"a made-up cursor", "ana", "GET", P + "/jobs?after=page-2", null, 400, "'next' cursor of an earlier page"},
        {"malformed JSON", "rev", "POST", "/jobs/{own}/reject", "{\"text\": ", 400, "malformed JSON"},
        {"a reject without a comment", "rev", "POST", "/jobs/{own}/reject", "{\"text\":\"   \"}", 400, "needs a comment"},
        {"a reject without text", "rev", "POST", "/jobs/{own}/reject", "{\"annotation_index\":1}", 400, "field 'text': required"},
        {"a region of three numbers", "rev", "POST", "/jobs/{own}/reject", "{\"text\":\"x\",\"region\":[1,2,3]}", 400, "[x, y, width, height]"},
        {"a negative annotation index", "ana", "POST", "/jobs/{own}/comments", "{\"text\":\"x\",\"annotation_index\":-1}", 400, "0 or more"},
        {"an unknown field", "rev", "POST", "/jobs/{own}/reject", "{\"text\":\"x\",\"colour\":\"red\"}", 400, "unknown field"},
        {"text as a number", "ana", "POST", "/jobs/{own}/comments", "{\"text\":5}", 400, "expected a string"},
        {"round-robin and explicit at once", "boss", "POST", P + "/workflow/assign", "{\"users\":[\"x\"],\"explicit\":{\"{image}\":[\"x\"]}}", 400, "not both or neither"},
        {"an assignment to no one", "boss", "POST", P + "/workflow/assign", "{\"image_ids\":[\"{image}\"]}", 400, "not both or neither"},
        {"an assignment to a non-member", "boss", "POST", P + "/workflow/assign", "{\"image_ids\":[\"{image}\"],\"users\":[\"{eve}\"]}", 400, "expected an annotator or manager"},
        {"a reassignment to a reviewer", "boss", "POST", "/jobs/{fresh}/reassign", "{\"assignee\":\"{rev}\"}", 400, "expected an annotator or manager"},
        {"a stale save", "ana", "PUT", "/jobs/{started}/annotations", "{\"version\":0,\"annotations\":[]}", 409, "nothing was overwritten"},
        {"a box of three numbers", "ana", "PUT", "/jobs/{started}/annotations", "{\"version\":1,\"annotations\":[{\"kind\":\"box\",\"label\":1,\"box\":[1,2,3]}]}", 400, "/annotations/0"},
        {"a save without a version", "ana", "PUT", "/jobs/{started}/annotations", "{\"annotations\":[]}", 400, "field 'version': required"},
        {"submitting a job not started", "ana", "POST", "/jobs/{fresh}/submit", null, 409, "start it first"},
        {"reopening a task that is not done", "boss", "POST", "/tasks/{task}/reopen", "{\"reason\":\"again\"}", 409, "only a done task can be reopened"},
        {"a reopen without a reason", "boss", "POST", "/tasks/{task}/reopen", "{}", 400, "field 'reason': required"},
        {"gold version 0", "boss", "PUT", "/images/{image}/gold", "{\"version\":0}", 400, "1 or more"},
        {"gold version never saved", "boss", "PUT", "/images/{image}/gold", "{\"version\":9}", 404, "9"},
        {"an accept sent as text", "rev", "POST", "/jobs/{own}/accept", "fine", 415, "expected Content-Type: application/json"},
    };

    private final Map<Dialect, Fixture> fixtures = new EnumMap<>(Dialect.class);

    static final class Fixture {
        final WorkflowTeam team;
        final Map<String, String> names = new LinkedHashMap<>();

        Fixture(Dialect dialect) {
            Map<String, String> members = new LinkedHashMap<>();
            members.put("boss", "manager");
            members.put("ana", "annotator");
            members.put("rev", "reviewer");
            team = new WorkflowTeam(dialect, members, List.of("eve"));
            List<String> images = team.imagesWithTasks(3, 1);
            Http.Response r = team.admin.post(P + "/workflow/assign", "{\"explicit\":{\"" + images.get(0) + "\":[\""
                    + team.id("ana") + "\"],\"" + images.get(1) + "\":[\"" + team.id("ana") + "\"],\"" + images.get(2)
                    + "\":[\"" + team.id("boss") + "\"]}}");
            assertEquals(3, r.json().get("assigned").size(), r.text());
            JsonNode started = team.jobsOf(images.get(0)).get(0);
            String own = team.jobsOf(images.get(2)).get(0).get("id").asText();
            ok(team.as("ana").put("/jobs/" + started.get("id").asText() + "/annotations", "{\"version\":0,\"annotations\":[]}"));
            ok(team.as("boss").post("/jobs/" + own + "/start", null));
            ok(team.as("boss").post("/jobs/" + own + "/submit", null));
            names.put("{started}", started.get("id").asText());
            names.put("{task}", started.get("task_id").asText());
            names.put("{image}", images.get(0));
            names.put("{fresh}", team.jobsOf(images.get(1)).get(0).get("id").asText());
            names.put("{own}", own);
            names.put("{eve}", team.id("eve"));
            names.put("{rev}", team.id("rev"));
        }

        String fill(String text) {
            String out = text;
            for (Map.Entry<String, String> e : names.entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            return out;
        }

        private static void ok(Http.Response r) {
            assertEquals(200, r.status(), r.text());
        }
    }

    List<Arguments> cases() {
        return Problems.perDialect(CASES);
    }

    @ParameterizedTest(name = "{0}: {1} -> {6}")
    @MethodSource("cases")
    void each_bad_request_gets_a_4xx_problem_saying_what_is_wrong(Dialect dialect, String what, String caller, String method,
            String path, String body, int status, String says) {
        Fixture f = fixtures.computeIfAbsent(dialect, Fixture::new);
        String json = body == null ? null : f.fill(body);
        String type = body == null ? null : body.startsWith("{") ? "application/json" : "text/plain";
        Http.Response r = f.team.as(caller).send(method, f.fill(path), type, json);
        assertEquals(status, r.status(), what + ": " + r.text());
        assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.text());
        JsonNode p = r.json();
        assertEquals(status, p.get("status").asInt(), r.text());
        assertTrue(p.get("detail").asText().toLowerCase(Locale.ROOT).contains(says.toLowerCase(Locale.ROOT)),
                what + ": the detail should say '" + says + "': " + r.text());
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(f -> f.team.close());
    }
}
