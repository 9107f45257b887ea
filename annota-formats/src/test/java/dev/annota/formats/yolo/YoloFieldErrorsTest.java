package dev.annota.formats.yolo;

import static dev.annota.formats.yolo.YoloTestData.items;
import static dev.annota.formats.yolo.YoloTestData.png;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per field rule of a label line: an Ultralytics dataset whose label file has a good first line and a
 * bad second one fails fast with a message naming the file and line, the field and the value; collecting,
 * the good line survives. Then the quirks that are warnings, not errors.
 */
class YoloFieldErrorsTest {
    @TempDir
    Path dir;

    Path dataset(String secondLine, String yamlExtra) throws IOException {
        png(dir.resolve("images/train/a.png"), 100, 50);
        Files.writeString(dir.resolve("data.yaml"), "path: .\ntrain: images/train\nnames:\n  0: cat\n  1: dog\n" + yamlExtra);
        Files.createDirectories(dir.resolve("labels/train"));
        Files.writeString(dir.resolve("labels/train/a.txt"), "0 0.5 0.5 0.2 0.4\n" + secondLine + "\n");
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "class not a number          | x 0.5 0.5 0.1 0.1                   | class    | x",
        "negative class              | -1 0.5 0.5 0.1 0.1                  | class    | -1",
        "fractional class            | 1.5 0.5 0.5 0.1 0.1                 | class    | 1.5",
        "cx not a number             | 1 abc 0.5 0.1 0.1                   | cx       | abc",
        "cy not finite               | 1 0.5 NaN 0.1 0.1                   | cy       | NaN",
        "negative width              | 1 0.5 0.5 -0.1 0.1                  | w        | -0.1",
        "height not a number         | 1 0.5 0.5 0.1 1,5                   | h        | 1,5",
        "too few values              | 1 0.5 0.5 0.1                       | values   | 4 values",
        "even count of values        | 1 0.5 0.5 0.1 0.1 0.9               | values   | 6 values",
        "polygon x3 not a number     | 1 0.1 0.1 0.2 0.2 zz 0.3 0.4 0.4    | x3       | zz",
        "polygon y4 infinite         | 1 0.1 0.1 0.2 0.2 0.3 0.3 0.4 Infinity 0.5 0.5 0.6 0.6 | y4 | Infinity",
        "pose visibility of 3        | 1 0.5 0.5 0.2 0.2 0.1 0.1 2 0.2 0.2 3 | kpt[1].v | 3",
        "pose keypoint x not number  | 1 0.5 0.5 0.2 0.2 q 0.1 2 0.2 0.2 1   | kpt[0].x | q",
    })
    void names_the_file_line_field_and_value(String rule, String line, String field, String value) throws IOException {
        Path data = dataset(line, "kpt_shape: [2, 3]\n");
        UltralyticsReader reader = new UltralyticsReader();
        ValidationException e = assertThrows(ValidationException.class, () -> reader.read(data, new ImportReport(ErrorPolicy.FAIL_FAST)));
        String message = e.getMessage();
        assertTrue(message.startsWith("labels/train/a.txt:2: field '" + field + "'"), message);
        assertTrue(message.contains("got \"" + value + "\""), message);

        ImportReport collected = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = reader.read(data, collected);
        assertEquals(1, collected.errors().size(), collected.problems()::toString);
        assertEquals(1, items(d).get(0).annotations().size(), "the good line survives");
    }

    @Test
    void keeps_coordinates_outside_the_image_and_unnamed_classes_as_warnings() throws IOException {
        Path data = dataset("7 1.2 0.5 0.2 0.4", "");
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new UltralyticsReader().read(data, report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(2, w.size(), w::toString);
        assertTrue(w.stream().anyMatch(x -> x.contains("labels/train/a.txt:2: field 'class'") && x.contains("\"class_7\"")), w::toString);
        assertTrue(w.stream().anyMatch(x -> x.contains("labels/train/a.txt:2: field 'cx'") && x.contains("got \"1.2\"")), w::toString);
        assertEquals(List.of("cat", "dog", "class_7"), d.schema().classes().stream().map(LabelClass::name).toList());
        assertEquals(8, d.schema().byName("class_7").orElseThrow().id().value(), "index 7 keeps id 8");
        BoxAnnotation outside = (BoxAnnotation) items(d).get(0).annotations().get(1);
        assertEquals(new PixelBox(110, 15, 20, 20).toString(), round(outside.box()).toString());
    }

    private static PixelBox round(PixelBox b) {
        return new PixelBox(Math.round(b.x() * 1e6) / 1e6, Math.round(b.y() * 1e6) / 1e6,
                Math.round(b.width() * 1e6) / 1e6, Math.round(b.height() * 1e6) / 1e6);
    }

    @Test
    void reads_an_image_without_labels_as_empty_and_warns_about_labels_without_an_image() throws IOException {
        dataset("1 0.5 0.5 0.1 0.1", "");
        png(dir.resolve("images/train/sub/b.png"), 10, 10);
        Files.writeString(dir.resolve("labels/train/orphan.txt"), "0 0.5 0.5 0.1 0.1\n");
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        List<Item> items = items(new UltralyticsReader().read(dir, report));
        assertEquals(List.of("a", "sub/b"), items.stream().map(Item::id).toList());
        assertTrue(items.get(1).annotations().isEmpty());
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).contains("labels/train/orphan.txt: field 'image'"), w::toString);
    }

    @Test
    void refuses_list_entries_that_leave_the_dataset_folder() throws IOException {
        dataset("1 0.5 0.5 0.1 0.1", "");
        Files.writeString(dir.resolve("data.yaml"), "train: train.txt\nnames: [cat, dog]\n");
        Files.writeString(dir.resolve("train.txt"), "./images/train/a.png\n../outside.png\n/etc/passwd.png\n");
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        List<Item> items = items(new UltralyticsReader().read(dir, report));
        assertEquals(List.of("a"), items.stream().map(Item::id).toList());
        List<String> e = report.errors().stream().map(Problem::message).toList();
        assertEquals(2, e.size(), e::toString);
        assertTrue(e.get(0).contains("train.txt:2: field 'image'") && e.get(0).contains("../outside.png"), e::toString);
        assertTrue(e.get(1).contains("train.txt:3: field 'image'") && e.get(1).contains("absolute"), e::toString);
    }

    @Test
    void warns_about_a_darknet_class_count_that_disagrees_with_the_names_and_a_missing_image() throws IOException {
        Files.writeString(dir.resolve("obj.data"), "classes = 3\ntrain = data/train.txt\nnames = data/obj.names\n");
        Files.writeString(dir.resolve("obj.names"), "cat\ndog\n");
        Files.writeString(dir.resolve("train.txt"), "data/obj_train_data/a.png\ndata/obj_train_data/gone.png\n");
        png(dir.resolve("obj_train_data/a.png"), 20, 10);
        Files.writeString(dir.resolve("obj_train_data/a.txt"), "1 0.5 0.5 0.5 0.5 0.99\n");
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        List<Item> items = items(new YoloReader().read(dir, report));
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(3, w.size(), w::toString);
        assertTrue(w.get(0).contains("obj.data:1: field 'classes'") && w.get(0).contains("got \"3\""), w::toString);
        assertTrue(w.get(1).contains("obj_train_data/a.txt:1: field 'values'") && w.get(1).contains("6 values"), w::toString);
        assertTrue(w.get(2).contains("train.txt:2: field 'image'") && w.get(2).contains("obj_train_data/gone.png"), w::toString);
        assertEquals(2, items.size());
        assertEquals(new PixelBox(5, 2.5, 10, 5), ((BoxAnnotation) items.get(0).annotations().get(0)).box());
    }
}
