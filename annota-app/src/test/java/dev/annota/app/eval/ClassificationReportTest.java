package dev.annota.app.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassificationReportTest {
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A multi-class input with a slice (camera) and a small image per sample. */
    static Path inputWithSlicesAndImages(Path dir) throws IOException, URISyntaxException {
        Path source = Path.of(ClassificationReportTest.class.getResource("cases/multiclass_3_ties/input.json").toURI());
        ObjectNode in = (ObjectNode) MAPPER.readTree(source.toFile());
        int n = in.get("y_true").size();
        ArrayNode slices = in.putArray("slices"), images = in.putArray("images");
        Files.createDirectories(dir.resolve("img"));
        for (int i = 0; i < n; i++) {
            slices.add(i % 3 == 0 ? "camera-a" : "camera-b");
            BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            g.setColor(new Color(Color.HSBtoRGB(i / (float) n, 0.6f, 0.9f)));
            g.fillRect(0, 0, 64, 48);
            g.dispose();
            ImageIO.write(img, "png", dir.resolve("img/" + i + ".png").toFile());
            images.add("img/" + i + ".png");
        }
        Path file = dir.resolve("in.json");
        MAPPER.writeValue(file.toFile(), in);
        return file;
    }

    @Test
    void writes_a_self_contained_html_report_with_charts_slices_and_the_mistakes_gallery() throws Exception {
        Path in = inputWithSlicesAndImages(tmp);
        ClassificationEvaluation e = EvaluateClassification.run(in, Optional.of(tmp.resolve("report")));
        Path html = e.report().orElseThrow();
        String page = Files.readString(html);
        for (String chart : new String[] {"confusion_matrix.png", "per_class.png", "roc.png", "pr.png", "reliability.png"}) {
            BufferedImage png = ImageIO.read(tmp.resolve("report").resolve(chart).toFile());
            assertTrue(png.getWidth() >= 400 && png.getHeight() >= 400, chart + " is too small");
        }
        assertTrue(page.contains("data:image/png;base64,"), "charts are embedded");
        assertFalse(page.contains("<script"), "no script");
        assertFalse(page.contains("http://") || page.contains("https://"), "nothing fetched from the network");
        assertTrue(page.contains("Most confident mistakes"), "gallery");
        assertTrue(page.contains("camera-a") && page.contains("Largest gap"), "slices");
        long embedded = page.split("data:image/png;base64,", -1).length - 1;
        long mistakes = java.util.stream.IntStream.range(0, e.data().predictions().size()).count();
        assertTrue(embedded > 5 && embedded <= 5 + mistakes, "charts and thumbnails embedded: " + embedded);
    }

    @Test
    void slices_report_each_slice_and_the_largest_gap_per_headline_metric() throws Exception {
        ObjectNode json = ClassificationJson.of(EvaluateClassification.run(inputWithSlicesAndImages(tmp), Optional.empty()));
        ObjectNode slices = (ObjectNode) json.get("slices");
        assertEquals(2, slices.get("by_slice").size());
        double a = slices.get("by_slice").get("camera-a").get("accuracy").asDouble();
        double b = slices.get("by_slice").get("camera-b").get("accuracy").asDouble();
        assertEquals(Math.abs(a - b), slices.get("largest_gap").get("accuracy").get("gap").asDouble(), 1e-15);
        assertTrue(slices.get("largest_gap").has("macro_f1"));
    }
}
