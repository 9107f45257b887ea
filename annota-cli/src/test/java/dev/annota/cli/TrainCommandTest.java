package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TaggedProjects;
import dev.annota.store.TestDatabases;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code annota train} (an ImageFolder, or a project's tags on SQLite and PostgreSQL) and {@code annota eval model}. */
class TrainCommandTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Arguments> databasesAndTasks() {
        return TestDatabases.dialects().flatMap(d -> Stream.of(Arguments.of(d, false), Arguments.of(d, true)));
    }

    @ParameterizedTest(name = "{0}, multi-label {1}")
    @MethodSource("databasesAndTasks")
    void trains_on_a_projects_tags_registers_the_model_and_prelabels_with_it_at_once(Dialect dialect, boolean multi,
            @TempDir Path data) throws Exception {
        String url = dialect == Dialect.SQLITE ? Database.sqliteUrl(data) : TestDatabases.newUrl(dialect);
        String project;
        try (Database db = TestDatabases.open(url)) {
            project = TaggedProjects.create(db, data, 12, multi);
        }
        List<String> dbArgs = new ArrayList<>(List.of("--data", data.toString(), "--db", url));
        if (dialect == Dialect.POSTGRESQL) {
            dbArgs.addAll(List.of("--db-user", "postgres"));
        }
        CliBasicsTest.Run train = CliBasicsTest.run(args(List.of("train", "--project", project, "--mode", "cnn", "--epochs", "2",
                "--seed", "3", "--json"), dbArgs));
        assertEquals(0, train.code(), train.err());
        JsonNode r = MAPPER.readTree(train.out());
        assertEquals(multi ? List.of("red", "blue", "bright") : List.of("red", "blue"), names(r.get("labels")));
        assertEquals(2, r.get("epochs").size());
        assertTrue(r.get("epochs").get(0).has("val_accuracy") && r.get("validation").has(multi ? "subset_accuracy" : "accuracy"), train.out());
        assertTrue(train.err().contains("epoch 2/2"), train.err());
        Path card = Path.of(r.get("folder").asText()).resolve("MODEL_CARD.md");
        assertTrue(r.get("slices").size() > 0, "the images' camera field is sliced: " + r.get("slices"));
        int sliced = 0;
        for (JsonNode s : r.get("slices")) {
            assertEquals("camera", s.get("field").asText());
            assertTrue(List.of("a", "b").contains(s.get("value").asText()), s.toString());
            sliced += s.get("images").asInt();
        }
        assertEquals(sliced, MAPPER.readTree(Path.of(r.get("folder").asText()).resolve("metrics.json").toFile()).get("slices")
                .get("camera").findValues("images").stream().mapToInt(JsonNode::asInt).sum());
        assertTrue(Files.readString(card).contains("## Metrics per slice"));

        String model = r.get("model_id").asText();
        CliBasicsTest.Run prelabel = CliBasicsTest.run(args(List.of("prelabel", "--project", project, "--model", model, "--json"), dbArgs));
        assertEquals(0, prelabel.code(), prelabel.err());
        assertEquals(26, MAPPER.readTree(prelabel.out()).get("processed").asInt(), prelabel.out());
        assertTrue(!prelabel.err().contains("linked"), "the trained model was linked already: " + prelabel.err());

        CliBasicsTest.Run zero = CliBasicsTest.run(args(List.of("train", "--project", project, "--mode", "cnn", "--epochs", "0"), dbArgs));
        assertEquals(2, zero.code(), zero.err());
        assertTrue(zero.err().contains("'epochs'") && zero.err().contains("\"0\""), zero.err());
        CliBasicsTest.Run noBackbone = CliBasicsTest.run(args(List.of("train", "--project", project, "--mode", "head"), dbArgs));
        assertEquals(2, noBackbone.code(), noBackbone.err());
        assertTrue(noBackbone.err().contains("'backbone'"), noBackbone.err());
        CliBasicsTest.Run missing = CliBasicsTest.run(args(List.of("train", "--project", "no-such-project", "--mode", "cnn"), dbArgs));
        assertEquals(2, missing.code(), missing.err());
    }

    @Test
    void trains_an_image_folder_and_evaluates_the_package_with_json_shapes_and_exit_codes(@TempDir Path dir) throws Exception {
        Path folder = dir.resolve("colours");
        for (int i = 0; i < 24; i++) {
            String cls = i % 2 == 0 ? "red" : "blue";
            Files.createDirectories(folder.resolve(cls));
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            Color c = i % 2 == 0 ? new Color(200 + i, 20, 20) : new Color(20, 20, 200 + i);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    img.setRGB(x, y, (x + y + i) % 5 == 0 ? Color.GRAY.getRGB() : c.getRGB());
                }
            }
            ImageIO.write(img, "png", folder.resolve(cls).resolve(i + ".png").toFile());
        }
        Path out = dir.resolve("model");
        CliBasicsTest.Run train = CliBasicsTest.run("train", "--data", folder.toString(), "--mode", "cnn", "--epochs", "2",
                "--image-size", "16", "--out", out.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        JsonNode t = MAPPER.readTree(train.out());
        for (String k : List.of("model", "mode", "labels", "epochs", "validation", "test", "weights_sha256", "seconds")) {
            assertTrue(t.has(k), k + " in " + train.out());
        }
        assertEquals(List.of("blue", "red"), names(t.get("labels")));

        CliBasicsTest.Run eval = CliBasicsTest.run("eval", "model", "--model", out.toString(), "--data", folder.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode e = MAPPER.readTree(eval.out());
        assertTrue(e.has("accuracy") && e.has("macro") && e.has("confusion_matrix"), eval.out());
        assertEquals(2, e.get("confusion_matrix").size());

        CliBasicsTest.Run badMode = CliBasicsTest.run("train", "--data", folder.toString(), "--mode", "svm", "--out", out.toString());
        assertEquals(2, badMode.code());
        assertTrue(badMode.err().contains("--mode") && badMode.err().contains("svm"), badMode.err());
        CliBasicsTest.Run badSize = CliBasicsTest.run("train", "--data", folder.toString(), "--mode", "cnn", "--image-size", "4",
                "--out", out.toString());
        assertEquals(2, badSize.code());
        assertTrue(badSize.err().contains("'image_size'") && badSize.err().contains("\"4\""), badSize.err());
        CliBasicsTest.Run noData = CliBasicsTest.run("eval", "model", "--model", out.toString(), "--data", dir.resolve("absent").toString());
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("absent"), noData.err());
        CliBasicsTest.Run neither = CliBasicsTest.run("train", "--mode", "cnn");
        assertEquals(2, neither.code());
        assertTrue(neither.err().contains("--project"), neither.err());
    }

    private static String[] args(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
