package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.store.Dialect;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every workflow endpoint, called by each kind of caller, gets the expected status. Each caller works on an image
 * of its own ({@code {image}}, its task {@code {task}}, its one job {@code {job}} held by the annotator
 * {@code holder} and still new), so rows do not depend on each other; claims take jobs from a pool of other images.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkflowPermissionsTest {
    static final List<String> CALLERS = List.of("admin", "manager", "annotator", "reviewer", "outsider", "anonymous");

    /** endpoint, body, then the expected status for admin, manager, annotator, reviewer, outsider, anonymous. */
    static final Object[][] MATRIX = {
        {"GET /projects/p1/jobs", null, 200, 200, 200, 200, 403, 401},
        {"GET /projects/p1/workflow/progress", null, 200, 200, 200, 200, 403, 401},
        {"POST /projects/p1/workflow/tasks", "{\"image_ids\":[\"{image}\"],\"overlap\":1}", 200, 200, 403, 403, 403, 401},
        {"POST /projects/p1/workflow/assign", "{\"image_ids\":[\"{image}\"],\"users\":[\"{holder}\"]}", 200, 200, 403, 403, 403, 401},
        {"POST /projects/p1/workflow/next", null, 200, 200, 200, 403, 403, 401},
        {"POST /projects/p1/workflow/next-review", null, 204, 204, 403, 204, 403, 401},
        {"GET /jobs/{job}", null, 200, 200, 200, 200, 403, 401},
        {"POST /jobs/{job}/start", null, 403, 403, 403, 403, 403, 401},
        {"POST /jobs/{job}/submit", null, 403, 403, 403, 403, 403, 401},
        {"POST /jobs/{job}/accept", null, 409, 409, 403, 409, 403, 401},
        {"POST /jobs/{job}/reject", "{\"text\":\"not yet\"}", 409, 409, 403, 409, 403, 401},
        {"POST /jobs/{job}/reassign", "{\"assignee\":\"{holder}\"}", 200, 200, 403, 403, 403, 401},
        {"GET /jobs/{job}/comments", null, 200, 200, 200, 200, 403, 401},
        {"POST /jobs/{job}/comments", "{\"text\":\"a note\"}", 201, 201, 201, 201, 403, 401},
        {"GET /jobs/{job}/annotations", null, 200, 200, 200, 200, 403, 401},
        {"PUT /jobs/{job}/annotations", "{\"version\":0,\"annotations\":[]}", 200, 200, 403, 403, 403, 401},
        {"GET /images/{image}/task", null, 200, 200, 200, 200, 403, 401},
        {"PUT /images/{image}/gold", "{\"version\":1}", 200, 200, 403, 403, 403, 401},
        {"DELETE /images/{image}/gold", null, 200, 200, 403, 403, 403, 401},
        {"POST /tasks/{task}/reopen", "{\"reason\":\"again\"}", 409, 409, 403, 403, 403, 401},
        {"GET /projects/p2/jobs", null, 200, 403, 403, 403, 403, 401},
        {"POST /projects/p2/workflow/tasks", "{\"overlap\":1}", 200, 403, 403, 403, 403, 401},
    };

    private final Map<Dialect, Fixture> fixtures = new EnumMap<>(Dialect.class);

    /** Project p1 with a manager, an annotator, a reviewer and {@code holder}; a project p2 without members. */
    static final class Fixture {
        final WorkflowTeam team;
        final Map<String, Map<String, String>> own = new HashMap<>();

        Fixture(Dialect dialect) {
            Map<String, String> members = new LinkedHashMap<>();
            members.put("manager", "manager");
            members.put("annotator", "annotator");
            members.put("reviewer", "reviewer");
            members.put("holder", "annotator");
            team = new WorkflowTeam(dialect, members, List.of("outsider"));
            team.server.createProject("p2");
            team.imagesWithTasks(20, 1);
            for (String caller : CALLERS) {
                String image = team.imagesWithTasks(1, 1).get(0);
                Http.Response r = team.admin.post("/projects/p1/workflow/assign", "{\"explicit\":{\"" + image + "\":[\""
                        + team.id("holder") + "\"]}}");
                assertEquals(200, r.status(), r.text());
                assertEquals(1, r.json().get("assigned").size(), r.text());
                var job = team.jobsOf(image).get(0);
                own.put(caller, Map.of("{image}", image, "{job}", job.get("id").asText(),
                        "{task}", job.get("task_id").asText(), "{holder}", team.id("holder")));
            }
        }

        String fill(String caller, String text) {
            String out = text;
            for (Map.Entry<String, String> e : own.get(caller).entrySet()) {
                out = out.replace(e.getKey(), e.getValue());
            }
            return out;
        }
    }

    List<Arguments> matrix() {
        return Problems.permissionRows(MATRIX, CALLERS);
    }

    @ParameterizedTest(name = "{0}: {1} as {2} -> {4}")
    @MethodSource("matrix")
    void each_caller_gets_the_expected_status(Dialect dialect, String endpoint, String caller, String body, int expected) {
        Fixture f = fixtures.computeIfAbsent(dialect, Fixture::new);
        String[] parts = endpoint.split(" ", 2);
        String path = f.fill(caller, parts[1]);
        String json = body == null ? null : f.fill(caller, body);
        Http.Response r = f.team.as(caller).send(parts[0], path, json == null ? null : "application/json", json);
        assertEquals(expected, r.status(), endpoint + " as " + caller + ": " + r.text());
        if (expected >= 400) {
            assertTrue(r.header("Content-Type").orElse("").startsWith("application/problem+json"), r.text());
            assertEquals(expected, r.json().get("status").asInt(), r.text());
            assertTrue(r.json().get("detail").asText().length() > 10, r.text());
        }
    }

    @AfterAll
    void stop() {
        fixtures.values().forEach(f -> f.team.close());
    }
}
