package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.app.Progress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    private static final String ADMIN_PASSWORD = "demo-admin-password";

    @TempDir
    Path dir;

    record Started(ServerLauncher.Running running, JsonNode report) {
    }

    /** Starts the server demo on port 0 with 6 small images and returns what it printed (--json). */
    private Started startDemo(Path data) throws Exception {
        DemoCommand cmd = new DemoCommand();
        new CommandLine(cmd).parseArgs("--port", "0", "--data", data.toString(), "--images", "6", "--size", "96x72", "--json");
        cmd.environment = name -> name.equals(ServerLauncher.ADMIN_PASSWORD_ENV) ? ADMIN_PASSWORD : null;
        StringWriter out = new StringWriter();
        ServerLauncher.Running r = cmd.start(new PrintWriter(out, true), Progress.NONE);
        return new Started(r, new ObjectMapper().readTree(out.toString()));
    }

    @Test
    void the_demo_starts_a_server_with_a_project_half_annotated_and_tasks_for_the_annotator() throws Exception {
        String annotatorPassword;
        Started s = startDemo(dir.resolve("fresh"));
        try (ServerLauncher.Running r = s.running()) {
            JsonNode report = s.report();
            assertTrue(report.get("created").asBoolean(), report.toString());
            assertEquals(r.server().baseUrl() + "/", report.get("url").asText());
            assertFalse(report.get("admin").has("password"), "a password from the environment is never printed");
            annotatorPassword = report.get("annotator").get("password").asText();
            ApiClient admin = ApiClient.login(r.server().apiUrl(), "admin", ADMIN_PASSWORD);
            JsonNode projects = admin.get("/projects").json();
            assertEquals(1, projects.size(), projects.toString());
            assertEquals("Shapes demo", projects.get(0).get("name").asText());
            String project = projects.get(0).get("id").asText();
            assertEquals(report.get("project_id").asText(), project);
            JsonNode page = admin.get("/projects/" + project + "/images?limit=100").json();
            assertEquals(6, page.get("images").size(), page.toString());
            int annotated = 0;
            for (JsonNode image : page.get("images")) {
                JsonNode set = admin.get("/images/" + image.get("id").asText() + "/annotations").json();
                if (set.get("version").asLong() > 0) {
                    annotated++;
                    assertTrue(set.get("annotations").size() > 0, set.toString());
                }
            }
            assertEquals(3, annotated, "every other image carries its ground truth");
            assertEquals(3, report.get("annotated").asInt());
            ApiClient annotator = ApiClient.login(r.server().apiUrl(), "annotator", annotatorPassword);
            JsonNode jobs = annotator.get("/projects/" + project + "/jobs?assignee=me").json();
            assertEquals(3, jobs.get("items").size(), jobs.toString());
        }
        Started again = startDemo(dir.resolve("fresh"));
        try (ServerLauncher.Running r = again.running()) {
            assertFalse(again.report().get("created").asBoolean(), again.report().toString());
            assertFalse(again.report().get("annotator").has("password"), "the annotator's password is shown only once");
            ApiClient admin = ApiClient.login(r.server().apiUrl(), "admin", ADMIN_PASSWORD);
            JsonNode projects = admin.get("/projects").json();
            assertEquals(1, projects.size(), "a second start reuses the demo project: " + projects);
            assertEquals(6, again.report().get("images").asInt());
            assertEquals(200, ApiClient.loginStatus(r.server().apiUrl(), "annotator", annotatorPassword));
        }
    }

    @Test
    void a_demo_project_left_half_made_is_made_again() throws Exception {
        Path data = dir.resolve("demo-data");
        try (ServerLauncher.Running r = startDemo(data).running()) {
            // made once
        }
        Files.delete(data.resolve(dev.annota.app.demo.DemoProject.MARKER));
        Started s = startDemo(data);
        try (ServerLauncher.Running r = s.running()) {
            assertTrue(s.report().get("created").asBoolean(), s.report().toString());
            ApiClient admin = ApiClient.login(r.server().apiUrl(), "admin", ADMIN_PASSWORD);
            assertEquals(1, admin.get("/projects").json().size());
            assertEquals(6, s.report().get("images").asInt());
        }
    }

    @Test
    void the_server_demo_refuses_too_few_images_naming_the_option() {
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--port", "0", "--data", dir.resolve("d").toString(), "--images", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--images") && r.err().contains("1"), r.err());
    }

    @Test
    void demo_with_json_prints_one_document_and_an_exact_round_trip() throws Exception {
        Path out = dir.resolve("demo");
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--headless", "--out", out.toString(), "--images", "12", "--size", "200x150", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertTrue(j.get("round_trip_exact").asBoolean(), r.out());
        assertEquals(12, j.get("images").asInt());
        assertEquals("coco", j.get("detected_format").asText());
        assertEquals(j.get("annotations_written").asLong(), j.get("annotations_read").asLong());
        assertTrue(j.get("annotations_written").asLong() > 12, r.out());
        long objects = 0;
        for (JsonNode n : j.get("objects_by_class")) {
            objects += n.asLong();
        }
        assertEquals(objects, j.get("annotations_by_kind").get("keypoints").asLong(), "one keypoint set per object");
        assertTrue(Files.isRegularFile(out.resolve("annotations/instances_default.json")));
        assertTrue(Files.isRegularFile(out.resolve("images/default/shapes_000012.png")));
    }

    @Test
    void running_the_demo_twice_gives_the_same_dataset() throws Exception {
        Path out = dir.resolve("demo");
        CliBasicsTest.run("demo", "--headless", "--out", out.toString(), "--images", "3", "--size", "64x64", "--json");
        byte[] first = Files.readAllBytes(out.resolve("annotations/instances_default.json"));
        CliBasicsTest.Run again = CliBasicsTest.run("demo", "--headless", "--out", out.toString(), "--images", "3", "--size", "64x64", "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(new String(first), Files.readString(out.resolve("annotations/instances_default.json")));
    }

    @Test
    void refuses_a_folder_it_did_not_make_and_leaves_it_untouched() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(mine.resolve("thesis.txt"), "do not delete");
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--headless", "--out", mine.toString(), "--images", "2");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("precious") && r.err().contains("not made by the demo"), r.err());
        assertEquals("do not delete", Files.readString(mine.resolve("thesis.txt")));
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void a_bad_size_names_the_option_and_the_value() {
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--headless", "--out", dir.resolve("d").toString(), "--size", "640by480");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--size") && r.err().contains("640by480"), r.err());
    }

    @Test
    void too_many_images_is_bad_input() {
        CliBasicsTest.Run r = CliBasicsTest.run("demo", "--headless", "--out", dir.resolve("d").toString(), "--images", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("images"), r.err());
    }
}
