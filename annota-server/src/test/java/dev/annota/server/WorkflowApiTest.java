package dev.annota.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The review workflow over real HTTP, on SQLite and PostgreSQL. */
class WorkflowApiTest {
    static final String P = "/projects/" + WorkflowTeam.PROJECT;

    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    static WorkflowTeam team(Dialect dialect) {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("boss", "manager");
        members.put("ana", "annotator");
        members.put("ben", "annotator");
        members.put("rev", "reviewer");
        return new WorkflowTeam(dialect, members, List.of());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void two_annotators_and_a_reviewer_take_an_image_with_overlap_two_from_new_to_done(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            String image = t.images(WorkflowTeam.PROJECT, 1).get(0);
            Http.Response made = t.as("boss").post(P + "/workflow/tasks", "{\"overlap\":2}");
            assertEquals(200, made.status(), made.text());
            assertEquals(1, made.json().get("created").asInt());

            JsonNode a = claim(t, "ana");
            JsonNode b = claim(t, "ben");
            assertNotEquals(a.get("id").asText(), b.get("id").asText());
            assertEquals(image, a.get("image_id").asText());
            assertEquals(image, b.get("image_id").asText());
            for (JsonNode job : List.of(a, b)) {
                String who = job.get("assignee").asText().equals(t.id("ana")) ? "ana" : "ben";
                ok(t.as(who).put("/jobs/" + job.get("id").asText() + "/annotations",
                        "{\"version\":0,\"annotations\":[" + WorkflowTeam.BOX + "]}"));
                assertEquals("submitted", ok(t.as(who).post("/jobs/" + job.get("id").asText() + "/submit", null))
                        .get("state").asText());
            }
            assertEquals("review", ok(t.as("rev").get("/images/" + image + "/task")).get("stage").asText());

            JsonNode reviewing = ok(t.as("rev").post(P + "/workflow/next-review", null));
            String rejected = reviewing.get("id").asText();
            String owner = reviewing.get("assignee").asText().equals(t.id("ana")) ? "ana" : "ben";
            JsonNode back = ok(t.as("rev").post("/jobs/" + rejected + "/reject",
                    "{\"text\":\"the box misses the tail\",\"annotation_index\":0,\"region\":[5,5,30,30]}"));
            assertEquals("rejected", back.get("state").asText());
            assertEquals(t.id(owner), back.get("assignee").asText());

            JsonNode again = claim(t, owner);
            assertEquals(rejected, again.get("id").asText(), "the rejected job returns to its annotator first");
            JsonNode comments = ok(t.as(owner).get("/jobs/" + rejected + "/comments"));
            assertEquals("reject", comments.get(0).get("kind").asText());
            assertEquals("the box misses the tail", comments.get(0).get("text").asText());
            assertEquals(0, comments.get(0).get("annotation_index").asInt());
            ok(t.as(owner).put("/jobs/" + rejected + "/annotations", "{\"version\":1,\"annotations\":["
                    + WorkflowTeam.BOX + "," + WorkflowTeam.BOX + "]}"));
            ok(t.as(owner).post("/jobs/" + rejected + "/submit", null));

            for (JsonNode job : List.of(a, b)) {
                JsonNode accepted = ok(t.as("rev").post("/jobs/" + job.get("id").asText() + "/accept", null));
                assertEquals("accepted", accepted.get("state").asText());
            }
            assertEquals("done", ok(t.as("ana").get("/images/" + image + "/task")).get("stage").asText());
            JsonNode progress = ok(t.as("ben").get(P + "/workflow/progress"));
            assertEquals(1, progress.get("tasks_by_stage").get("done").asInt(), progress.toString());
            assertEquals(2, progress.get("jobs_by_state").get("accepted").asInt(), progress.toString());
            assertEquals(2, ok(t.as("rev").get(P + "/jobs?stage=done")).get("items").size());
            assertEquals(2, ok(t.as(owner).get("/jobs/" + rejected + "/annotations")).get("annotations").size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void annotators_claiming_at_the_same_moment_over_http_get_distinct_jobs(Dialect dialect) throws Exception {
        Map<String, String> members = new LinkedHashMap<>();
        List<String> names = List.of("w0", "w1", "w2", "w3", "w4", "w5");
        names.forEach(n -> members.put(n, "annotator"));
        try (WorkflowTeam t = new WorkflowTeam(dialect, members, List.of())) {
            t.imagesWithTasks(10, 1);
            ExecutorService pool = Executors.newFixedThreadPool(names.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Http.Response>> got = new ArrayList<>();
            for (String n : names) {
                got.add(pool.submit(() -> {
                    go.await();
                    return t.as(n).post(P + "/workflow/next", null);
                }));
            }
            go.countDown();
            Set<String> jobs = new HashSet<>();
            for (Future<Http.Response> f : got) {
                JsonNode job = ok(f.get(60, TimeUnit.SECONDS));
                assertTrue(jobs.add(job.get("id").asText()), "a job was handed out twice: " + job);
            }
            pool.shutdown();
            assertEquals(names.size(), jobs.size());
            assertEquals(4, ok(t.admin.get(P + "/jobs?assignee=none")).get("items").size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void jobs_come_in_cursor_pages_and_filter_by_state_and_assignee(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            t.imagesWithTasks(5, 2);
            claim(t, "ana");
            claim(t, "ben");
            Set<String> seen = new HashSet<>();
            String next = "";
            int pages = 0;
            do {
                JsonNode page = ok(t.as("rev").get(P + "/jobs?limit=3" + (next.isEmpty() ? "" : "&after=" + next)));
                page.get("items").forEach(j -> assertTrue(seen.add(j.get("id").asText())));
                next = page.get("next").isNull() ? "" : page.get("next").asText();
                pages++;
            } while (!next.isEmpty());
            assertEquals(10, seen.size());
            assertEquals(4, pages);
            assertEquals(2, ok(t.as("rev").get(P + "/jobs?state=in_progress")).get("items").size());
            JsonNode mine = ok(t.as("ana").get(P + "/jobs?state=in_progress&assignee=me"));
            assertEquals(1, mine.get("items").size());
            assertEquals(mine, ok(t.as("boss").get(P + "/jobs?state=in_progress&assignee=" + t.id("ana"))));
            assertEquals(8, ok(t.as("ben").get(P + "/jobs?assignee=none&stage=annotate")).get("items").size());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_stale_save_of_a_job_set_is_a_409_carrying_the_current_set(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            t.imagesWithTasks(1, 2);
            String job = claim(t, "ana").get("id").asText();
            String body = "{\"version\":0,\"annotations\":[" + WorkflowTeam.BOX + "]}";
            assertEquals(1, ok(t.as("ana").put("/jobs/" + job + "/annotations", body)).get("version").asInt());
            Http.Response stale = t.as("ana").put("/jobs/" + job + "/annotations", body);
            assertEquals(409, stale.status(), stale.text());
            assertEquals("/problems/version-conflict", stale.json().get("type").asText());
            assertEquals(0, stale.json().get("expected_version").asInt());
            assertEquals(1, stale.json().get("current").get("version").asInt());
            assertEquals(1, stale.json().get("current").get("annotations").size());
            assertTrue(stale.json().get("detail").asText().contains("nothing was overwritten"), stale.text());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void only_managers_see_which_images_are_gold(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            String image = t.imagesWithTasks(1, 1).get(0);
            String job = t.jobsOf(image).get(0).get("id").asText();
            ok(t.as("boss").put("/jobs/" + job + "/annotations", "{\"version\":0,\"annotations\":[" + WorkflowTeam.BOX + "]}"));
            JsonNode gold = ok(t.as("boss").put("/images/" + image + "/gold", "{\"version\":1}"));
            assertTrue(gold.get("gold").asBoolean());
            assertEquals(1, gold.get("gold_version").asInt());
            assertTrue(ok(t.as("boss").get("/images/" + image + "/task")).get("gold").asBoolean());
            assertTrue(ok(t.admin.get("/images/" + image + "/task")).has("gold"));
            for (String who : List.of("ana", "rev")) {
                JsonNode task = ok(t.as(who).get("/images/" + image + "/task"));
                assertFalse(task.has("gold") || task.has("gold_version"), who + " sees " + task);
            }
            assertFalse(ok(t.as("boss").delete("/images/" + image + "/gold")).get("gold").asBoolean());
        }
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_manager_assigns_round_robin_and_reopens_a_done_task(Dialect dialect) {
        try (WorkflowTeam t = team(dialect)) {
            List<String> images = t.imagesWithTasks(3, 1);
            JsonNode report = ok(t.as("boss").post(P + "/workflow/assign", "{\"users\":[\"" + t.id("ana") + "\",\""
                    + t.id("ben") + "\"]}"));
            assertEquals(3, report.get("assigned").size(), report.toString());
            assertEquals(0, report.get("left_open").asInt());
            assertEquals(2, ok(t.as("ana").get(P + "/jobs?assignee=me")).get("items").size());
            JsonNode job = t.jobsOf(images.get(1)).get(0);
            assertEquals(t.id("ben"), job.get("assignee").asText());
            String id = job.get("id").asText();
            ok(t.as("ben").post("/jobs/" + id + "/start", null));
            ok(t.as("ben").post("/jobs/" + id + "/submit", null));
            ok(t.as("rev").post("/jobs/" + id + "/accept", "{\"text\":\"fine\"}"));
            JsonNode reopened = ok(t.as("boss").post("/tasks/" + job.get("task_id").asText() + "/reopen",
                    "{\"reason\":\"the schema gained a class\"}"));
            assertEquals("annotate", reopened.get("stage").asText());
            assertEquals(t.id("ben"), ok(t.as("ben").post(P + "/workflow/next", null)).get("assignee").asText());
            List<String> kinds = new ArrayList<>();
            ok(t.as("ben").get("/jobs/" + id + "/comments")).forEach(c -> kinds.add(c.get("kind").asText()));
            assertEquals(List.of("accept", "reopen"), kinds);
        }
    }

    static JsonNode claim(WorkflowTeam t, String who) {
        JsonNode job = ok(t.as(who).post(P + "/workflow/next", null));
        assertEquals(t.id(who), job.get("assignee").asText());
        assertEquals("in_progress", job.get("state").asText());
        return job;
    }

    static JsonNode ok(Http.Response r) {
        assertTrue(r.status() == 200 || r.status() == 201, r.status() + ": " + r.text());
        return r.json();
    }
}
