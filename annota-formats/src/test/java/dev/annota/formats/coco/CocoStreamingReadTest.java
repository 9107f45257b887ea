package dev.annota.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-pass reader: the first pass reports and indexes, each pass over the items re-reads the records
 * from their byte ranges, whatever order the file lists its sections and records in.
 */
class CocoStreamingReadTest {
    @TempDir
    Path dir;

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    /** A file whose annotations come first and are shuffled across images; categories come last. */
    static String shuffledFile(int images, int perImage, long seed) {
        List<String> records = new ArrayList<>();
        int id = 1;
        for (int i = 1; i <= images; i++) {
            for (int k = 0; k < perImage; k++) {
                records.add(k % 2 == 0
                        ? "{\"id\": " + id++ + ", \"image_id\": " + i + ", \"category_id\": 1, \"bbox\": [" + k + ", " + i + ", 2, 3]}"
                        : "{\"id\": " + id++ + ", \"image_id\": " + i + ", \"category_id\": 2,\n \"segmentation\": [[" + k
                                + ", 0, 5, 0, 5, 5]]}");
            }
        }
        java.util.Collections.shuffle(records, new Random(seed));
        StringBuilder imgs = new StringBuilder();
        for (int i = 1; i <= images; i++) {
            imgs.append(i > 1 ? ",\n" : "").append("{\"id\": ").append(i).append(", \"file_name\": \"img")
                    .append(i).append(".png\", \"width\": 100, \"height\": 80}");
        }
        return "{\"annotations\": [\n" + String.join(",\n", records) + "\n],\n\"images\": [\n" + imgs
                + "],\n\"categories\": [{\"id\": 1, \"name\": \"box\"}, {\"id\": 2, \"name\": \"poly\"}]}\n";
    }

    @Test
    void reads_annotations_listed_before_categories_and_scattered_over_images() throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, shuffledFile(40, 5, 3));
        Dataset d = new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST));
        List<Item> items = items(d);
        assertEquals(40, items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            assertEquals("img" + (i + 1), item.id());
            assertEquals(5, item.annotations().size());
            // within an image the records keep the file's order; all belong to this image
            for (Annotation a : item.annotations()) {
                if (a instanceof BoxAnnotation b) {
                    assertEquals(i + 1, b.box().y());
                } else {
                    assertTrue(a instanceof PolygonAnnotation);
                }
            }
        }
        assertEquals(List.of(1, 2), d.schema().classes().stream().map(c -> c.id().value()).toList());
    }

    @Test
    void gives_the_same_items_on_every_pass_and_reports_problems_only_once() throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, shuffledFile(10, 3, 5).replace("\"category_id\": 2,", "\"category_id\": 7,"));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CocoReader().read(json, report);
        int problems = report.problems().size();
        assertTrue(problems >= 1, "the undeclared category 7 is reported");
        assertEquals(items(d), items(d));
        assertEquals(problems, report.problems().size(), "passes over the items report nothing new");
        assertEquals(10L, d.size().getAsLong());
    }

    @Test
    void a_pass_stopped_early_closes_its_file_and_the_next_pass_starts_over() throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, shuffledFile(20, 2, 9));
        Dataset d = new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST));
        Item first;
        try (Stream<Item> s = d.items()) {
            first = s.findFirst().orElseThrow();
        }
        for (int i = 0; i < 3000; i++) { // would run out of file handles if streams leaked them
            try (Stream<Item> s = d.items()) {
                assertEquals(first, s.findFirst().orElseThrow());
            }
        }
        try (Stream<Item> s = d.items()) {
            var it = s.iterator();
            it.next();
            assertEquals("img2", it.next().id());
        }
    }

    @Test
    void names_the_line_of_a_bad_record_in_an_annotations_array_read_after_the_categories() throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, """
                {"info": {},
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]},

                   {"id": 2, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3]}
                 ],
                 "images": [{"id": 1, "file_name": "a.png", "width": 100, "height": 80}],
                 "categories": [{"id": 1, "name": "cat"}]}
                """);
        ValidationException e = assertThrows(ValidationException.class,
                () -> new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST)));
        assertTrue(e.getMessage().contains("instances_default.json:5 /annotations/1"), e.getMessage());
        assertTrue(e.getMessage().contains("field 'bbox'"), e.getMessage());
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        List<Item> items = items(new CocoReader().read(json, report));
        assertEquals(List.of(new BoxAnnotation(((BoxAnnotation) items.get(0).annotations().get(0)).info(),
                new PixelBox(1, 2, 3, 4))), items.get(0).annotations());
        assertEquals(1, report.errors().size(), report.problems()::toString);
    }

    @Test
    void reports_broken_json_inside_a_deferred_annotations_array_once() throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, "{\"annotations\": [\n{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]},\n{\"id\": 2,, }\n");
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CocoReader().read(json, report);
        List<Problem> errors = report.errors().stream().filter(p -> p.error().field().equals("(json)")).toList();
        assertEquals(1, errors.size(), report.problems()::toString);
        assertTrue(errors.get(0).message().contains("instances_default.json:3"), errors.get(0).message());
        assertEquals(0, items(d).size(), "no images were listed");
    }

    @Test
    void refuses_a_pass_over_a_file_that_changed_since_it_was_read() throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, shuffledFile(3, 2, 1));
        Dataset d = new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST));
        Files.writeString(json, shuffledFile(3, 2, 2) + "\n\n");
        AnnotaException e = assertThrows(AnnotaException.class, () -> items(d));
        assertTrue(e.getMessage().contains("changed"), e.getMessage());
    }
}
