package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may write an image's own annotation set once a project uses the workflow, over real HTTP on SQLite and
 * PostgreSQL: annotators only images whose job is theirs and in the annotate stage (overlap 1), reviewers never,
 * managers always. (A project without tasks is open to its annotators: ImagePermissionsTest.)
 */
class AnnotationWriteRuleApiTest {
    private static final String SET = "{\"version\":%d,\"annotations\":[" + WorkflowTeam.BOX + "]}";

    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    private static WorkflowTeam team(Dialect dialect) {
        return new WorkflowTeam(dialect, Map.of("ana", "annotator", "bob", "annotator", "rev", "reviewer", "mgr", "manager"),
                List.of());
    }

    private static void assign(WorkflowTeam t, String image, String user) {
        Http.Response r = t.admin.post("/projects/" + WorkflowTeam.PROJECT + "/workflow/assign", "{\"image_ids\":[\"" + image
                + "\"],\"users\":[\"" + t.id(user) + "\"]}");
        assertEquals(200, r.status(), r.text());
    }

    private static Http.Response save(WorkflowTeam t, String who, String image, int version) {
        return t.as(who).put("/images/" + image + "/annotations", SET.formatted(version));
    }

    private static void assertForbidden(Http.Response r, String... words) {
        assertEquals(403, r.status(), r.text());
        for (String w : words) {
            assertTrue(r.json().get("detail").asText().contains(w), w + " in " + r.text());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_annotator_writes_only_images_whose_job_is_assigned_to_them(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            List<String> images = t.imagesWithTasks(2, 1);
            assign(t, images.get(0), "ana");
            assign(t, images.get(1), "bob");
            assertEquals(200, save(t, "ana", images.get(0), 0).status());
            assertEquals("in_progress", t.jobsOf(images.get(0)).get(0).get("state").asText(), "the first save starts the job");
            assertForbidden(save(t, "ana", images.get(1), 0), "not assigned to them", "uses the workflow");
            assertEquals(200, save(t, "bob", images.get(1), 0).status());
            assertForbidden(t.as("ana").post("/images/" + images.get(1) + "/annotations/restore",
                    "{\"version\":1,\"expected_version\":1}"), "not assigned to them");
            assertEquals(200, save(t, "mgr", images.get(1), 1).status(), "managers write every image");
            assertEquals(200, save(t, "admin", images.get(1), 2).status(), "admins write every image");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void reviewers_only_read_and_submitted_work_is_closed_to_its_annotator(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            String image = t.imagesWithTasks(1, 1).get(0);
            assign(t, image, "ana");
            assertEquals(200, save(t, "ana", image, 0).status());
            assertForbidden(save(t, "rev", image, 1), "needs the role manager or annotator");
            assertEquals(200, t.as("rev").get("/images/" + image + "/annotations").status(), "reviewers read");
            String job = t.jobsOf(image).get(0).get("id").asText();
            assertEquals(200, t.as("ana").post("/jobs/" + job + "/submit", "{}").status());
            assertForbidden(save(t, "ana", image, 1), "no longer in the annotate stage");
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void an_image_without_a_task_or_with_overlap_is_not_written_by_annotators_through_the_image(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            String tasked = t.imagesWithTasks(1, 2).get(0);
            Http.Response r = t.admin.post("/projects/" + WorkflowTeam.PROJECT + "/workflow/assign", "{\"image_ids\":[\"" + tasked
                    + "\"],\"users\":[\"" + t.id("ana") + "\",\"" + t.id("bob") + "\"]}");
            assertEquals(200, r.status(), r.text());
            assertForbidden(save(t, "ana", tasked, 0), "PUT /api/v1/jobs/");
            String loose = t.images(WorkflowTeam.PROJECT, 1).get(0);
            assertForbidden(save(t, "ana", loose, 0), "has no task");
            assertEquals(200, save(t, "mgr", loose, 0).status());
        }
    }
}
