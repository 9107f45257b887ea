package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Database;
import dev.annota.store.json.LabelSchemaJson;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code annota quality agreement} on a SQLite project whose two annotators finished two images with overlap 2. */
class QualityCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    void prints_the_agreement_report_as_one_json_document() throws IOException {
        project();
        CliBasicsTest.Run r = CliBasicsTest.run("quality", "agreement", "--project", "p", "--data", data.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = MAPPER.readTree(r.out());
        assertEquals(2, report.get("project").get("images").asInt(), r.out());
        assertEquals(List.of("ana", "ben"), List.of(report.get("annotators").get(0).get("username").asText(),
                report.get("annotators").get(1).get("username").asText()));
        // image 0: same box; image 1: boxes of IoU 400/500 (a 20×20 box shifted by 5 px)
        assertEquals((1 + 300.0 / 500) / 2, report.get("classes").get(0).get("mean_iou").asDouble(), 1e-12, r.out());
        assertEquals(1, report.get("pairs").size());

        CliBasicsTest.Run text = CliBasicsTest.run("quality", "agreement", "--project", "p", "--data", data.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("ana") && text.out().contains("mean IoU"), text.out());
    }

    @Test
    void bad_input_exits_2_with_one_line_naming_it() {
        project();
        CliBasicsTest.Run bad = CliBasicsTest.run("quality", "agreement", "--project", "p", "--iou-threshold", "3",
                "--data", data.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--iou-threshold") && bad.err().strip().lines().count() == 1, bad.err());
        CliBasicsTest.Run missing = CliBasicsTest.run("quality", "agreement", "--project", "nope", "--data", data.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope"), missing.err());
    }

    private void project() {
        try (Database db = Database.open(Database.sqliteUrl(data), "", "")) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO projects (id, name, name_key, guidelines, schema_json, created_at, updated_at) "
                        + "VALUES ('p', 'P', 'p', '', ?, 0, 0)", LabelSchemaJson.write(LabelSchema.of("object", "other")));
                for (String u : List.of("ana", "ben")) {
                    h.execute("INSERT INTO users (id, username, password_hash, role, created_at) VALUES (?, ?, 'x', 'user', 0)", u, u);
                }
                for (int i = 0; i < 2; i++) {
                    String image = "img-" + i, task = "task-" + i;
                    h.execute("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, phash, "
                            + "source_path, split, metadata_json, created_at) VALUES (?, 'p', ?, ?, 100, 80, 'png', 1, 0, NULL, "
                            + "'default', '{}', 0)", image, "sha-" + image, image + ".png");
                    h.execute("INSERT INTO workflow_tasks (id, project_id, image_id, stage, overlap, position, gold, gold_version, "
                            + "created_at, updated_at) VALUES (?, 'p', ?, 'review', 2, ?, 0, NULL, 0, 0)", task, image, i);
                    for (int slot = 0; slot < 2; slot++) {
                        String user = slot == 0 ? "ana" : "ben", job = task + "-" + slot;
                        int x = slot == 1 && i == 1 ? 15 : 10;
                        h.execute("INSERT INTO workflow_jobs (id, task_id, project_id, image_id, slot, state, assignee, reviewer, "
                                + "created_at, updated_at, submitted_at) VALUES (?, ?, 'p', ?, ?, 'submitted', ?, NULL, 0, 0, 0)",
                                job, task, image, slot, user);
                        h.execute("INSERT INTO job_annotations (job_id, version, annotations_json, updated_at, updated_by, source) "
                                + "VALUES (?, 1, ?, 0, ?, 'human')", job,
                                "[{\"kind\":\"box\",\"label\":1,\"box\":[" + x + ",10,20,20]}]", user);
                    }
                }
            });
        }
    }
}
