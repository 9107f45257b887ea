package dev.annota.formats.labelstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStudioImagesAndDetectionTest {
    static String task(int id, String image, int w, int h) {
        return """
                {"id": %d, "data": {"image": "%s"}, "annotations": [{"id": %d, "completed_by": 1, "result": [
                  {"id": "r", "type": "rectanglelabels", "original_width": %d, "original_height": %d,
                   "value": {"x": 10, "y": 20, "width": 50, "height": 25, "rotation": 0, "rectanglelabels": ["cat"]}}]}]}
                """.formatted(id, image, id, w, h);
    }

    @Test
    void finds_uploaded_local_storage_url_and_relative_images_and_uses_the_file_size(@TempDir Path dir) throws IOException {
        for (String f : List.of("upload/3/ab12-a.png", "photos/b c.png", "images/c.png", "d.png")) {
            Files.createDirectories(dir.resolve(f).getParent());
            ImageIO.write(new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB), "png", dir.resolve(f).toFile());
        }
        Files.writeString(dir.resolve("export.json"), "[" + String.join(",",
                task(1, "/data/upload/3/ab12-a.png", 200, 100),
                task(2, "/data/local-files/?d=photos/b%20c.png", 200, 100),
                task(3, "https://example.org/bucket/c.png?sig=1", 400, 200),
                task(4, "d.png", 200, 100),
                task(5, "/data/upload/3/missing.png", 200, 100)) + "]");
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        List<Item> items;
        try (Stream<Item> s = new LabelStudioReader().read(dir.resolve("export.json"), report).items()) {
            items = s.toList();
        }
        assertEquals(List.of("upload/3/ab12-a", "photos/b c", "c", "d", "upload/3/missing"), items.stream().map(Item::id).toList());
        for (int i = 0; i < 4; i++) {
            assertTrue(Files.isRegularFile(Path.of(items.get(i).image().location())), items.get(i).image().location());
            assertEquals(Optional.of(new ImageSize(200, 100)), items.get(i).image().size());
            assertEquals(new PixelBox(20, 20, 100, 25), ((BoxAnnotation) items.get(i).annotations().get(0)).box(),
                    "percentages apply to the file's size");
        }
        assertEquals("/data/upload/3/missing.png", items.get(4).image().location());
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(2, w.size(), w::toString);
        assertTrue(w.get(0).contains("/2/annotations/0/result/0") && w.get(0).contains("400x200"), w::toString);
        assertTrue(w.get(1).contains("field 'data.image'") && w.get(1).contains("missing.png"), w::toString);
    }

    @Test
    void detection_tells_label_studio_exports_from_labelme_and_coco_files(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ls.json"), "[" + task(1, "a.png", 10, 10) + "]");
        Files.writeString(dir.resolve("tasks.json"), "[{\"data\": {\"image\": \"a.png\"}}]");
        Files.writeString(dir.resolve("labelme.json"), "{\"version\": \"5.4.1\", \"shapes\": [], \"imagePath\": \"a.png\"}");
        Files.writeString(dir.resolve("coco.json"), "{\"images\": [], \"annotations\": [], \"categories\": []}");
        var formats = Formats.standard();
        assertEquals(1.0, new LabelStudioDetector().confidence(dir.resolve("ls.json")));
        assertEquals(0.6, new LabelStudioDetector().confidence(dir.resolve("tasks.json")));
        assertEquals("label_studio", formats.detect(dir.resolve("ls.json")).format().name());
        assertEquals("labelme", formats.detect(dir.resolve("labelme.json")).format().name());
        assertEquals("coco", formats.detect(dir.resolve("coco.json")).format().name());
        assertEquals(0, new LabelStudioDetector().confidence(dir.resolve("labelme.json")));
        assertEquals(0, new LabelStudioDetector().confidence(dir.resolve("coco.json")));
    }
}
