package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annota quality label-errors} and {@code annota train --folds} on a small ImageFolder with the cnn: red and
 * blue squares on noise, one blue square filed under red.
 */
class QualityCommandsTest {
    @TempDir
    Path tmp;

    private Path folder() throws IOException {
        Random rnd = new Random(5);
        for (String cls : List.of("red", "blue")) {
            Files.createDirectories(tmp.resolve("data").resolve(cls));
        }
        for (int i = 0; i < 24; i++) {
            boolean red = i % 2 == 0;
            String cls = i == 3 ? "red" : red ? "red" : "blue";
            BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int g = rnd.nextInt(80);
                    img.setRGB(x, y, new Color(g, g, g).getRGB());
                }
            }
            Graphics2D g = img.createGraphics();
            g.setColor(red ? Color.RED : Color.BLUE);
            g.fillRect(4 + rnd.nextInt(8), 4 + rnd.nextInt(8), 16, 16);
            g.dispose();
            ImageIO.write(img, "png", tmp.resolve("data").resolve(cls).resolve(String.format("img_%02d.png", i)).toFile());
        }
        return tmp.resolve("data");
    }

    @Test
    void label_errors_lists_the_misfiled_image_first_as_json() throws IOException {
        Path data = folder();
        CliBasicsTest.Run r = CliBasicsTest.run("quality", "label-errors", "--data", data.toString(), "--folds", "3", "--epochs", "12",
                "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals("cnn", j.get("method").asText());
        JsonNode first = j.get("suspects").get(0);
        assertEquals("red/img_03.png", first.get("image").asText(), r.out());
        assertEquals("red", first.get("given").asText());
        assertEquals("blue", first.get("suggested").asText());
        assertTrue(first.get("score").asDouble() > 0.5, r.out());
    }

    @Test
    void train_with_folds_prints_per_fold_and_mean_metrics_and_writes_out_of_fold_probabilities() throws IOException {
        Path data = folder();
        CliBasicsTest.Run r = CliBasicsTest.run("train", "--data", data.toString(), "--mode", "cnn", "--folds", "3", "--epochs", "4",
                "--out", tmp.resolve("cv").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = Json.MAPPER.readTree(r.out());
        assertEquals(3, j.get("per_fold").size());
        assertEquals(24, j.get("per_fold").findValues("held_out").stream().mapToInt(JsonNode::asInt).sum(), "every image held out once");
        assertTrue(j.get("mean").has("accuracy"), r.out());
        List<String> rows = Files.readAllLines(tmp.resolve("cv/out-of-fold.csv"));
        assertEquals(25, rows.size());
        assertEquals("image,given,blue,red", rows.get(0));
    }

    @Test
    void bad_input_exits_2_with_one_line() throws IOException {
        CliBasicsTest.Run r = CliBasicsTest.run("quality", "label-errors", "--data", folder().toString(), "--folds", "1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--folds"), r.err());
        CliBasicsTest.Run s = CliBasicsTest.run("quality", "next", "--project", "p", "--strategy", "confusion",
                "--data", tmp.resolve("empty").toString());
        assertEquals(2, s.code(), s.err());
    }
}
