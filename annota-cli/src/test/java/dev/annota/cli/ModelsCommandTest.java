package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.Database;
import dev.annota.store.projects.Projects;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void pull_fails_with_the_file_to_fetch_by_hand_and_its_sha256() {
        CliBasicsTest.Run r = CliBasicsTest.run("models", "pull", "yolox-nano");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("yolox_nano.onnx") && r.err().contains("e8af074932d4ed7e232278e3055cefcdea3edf178874a3694ae292649fb464dd"), r.err());
        assertEquals(2, CliBasicsTest.run("models", "pull", "no-such-model").code());
    }

    @Test
    void adds_lists_and_prelabels_a_project_with_a_registered_model(@TempDir Path data) throws Exception {
        String model = PredictCommandTest.shared("models/squeezenet1.1");
        CliBasicsTest.Run add = CliBasicsTest.run("models", "add", model, "--name", "sq", "--data", data.toString(), "--json");
        assertEquals(0, add.code(), add.err());
        assertEquals("sq", MAPPER.readTree(add.out()).get("name").asText());
        JsonNode list = MAPPER.readTree(CliBasicsTest.run("models", "list", "--json", "--data", data.toString()).out());
        assertEquals(1, list.get("models").size());

        String project;
        try (Database db = Database.open(Database.sqliteUrl(data), "", "")) {
            project = new Projects(db).create("Squirrels", "", LabelSchema.of("fox squirrel")).id();
        }
        CliBasicsTest.Run none = CliBasicsTest.run("prelabel", "--project", project, "--model", "sq", "--data", data.toString(), "--json");
        assertEquals(0, none.code(), none.err());
        assertEquals(0, MAPPER.readTree(none.out()).get("processed").asInt(), "an empty project");
        assertTrue(none.err().contains("1 labels mapped by name"), none.err());

        CliBasicsTest.Run bad = CliBasicsTest.run("prelabel", "--project", project, "--model", "sq", "--threshold", "7", "--data", data.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--threshold") && bad.err().contains("7"), bad.err());
        assertEquals(2, CliBasicsTest.run("prelabel", "--project", "nope", "--model", "sq", "--data", data.toString()).code());
        assertEquals(2, CliBasicsTest.run("prelabel", "--project", project, "--model", "nope", "--data", data.toString()).code());
        assertTrue(Files.isDirectory(data.resolve("models")));
    }
}
