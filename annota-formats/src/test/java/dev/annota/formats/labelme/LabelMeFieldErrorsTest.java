package dev.annota.formats.labelme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per field rule: a LabelMe file whose second shape is broken fails fast with a message naming the
 * file, the shape's line and pointer, the field and the value; collecting, the good shape survives.
 */
class LabelMeFieldErrorsTest {
    @TempDir
    Path dir;

    static String file(String badShape) {
        return """
                {"version": "5.4.1", "flags": {}, "shapes": [
                  {"label": "cat", "points": [[1, 2], [3, 4]], "group_id": null, "shape_type": "rectangle", "flags": {}},
                  %s
                ], "imagePath": "a.png", "imageData": null, "imageHeight": 48, "imageWidth": 64}
                """.formatted(badShape);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown shape type       | {\"label\": \"cat\", \"points\": [[1, 2]], \"shape_type\": \"cuboid\"}                      | shape_type | \"cuboid\"",
        "rectangle of one point   | {\"label\": \"cat\", \"points\": [[1, 2]], \"shape_type\": \"rectangle\"}                   | points | [[1,2]]",
        "polygon of two points    | {\"label\": \"cat\", \"points\": [[1, 2], [3, 4]], \"shape_type\": \"polygon\"}              | points | [[1,2],[3,4]]",
        "circle of three points   | {\"label\": \"cat\", \"points\": [[1, 2], [3, 4], [5, 6]], \"shape_type\": \"circle\"}       | points | [[1,2],[3,4],[5,6]]",
        "point with a string      | {\"label\": \"cat\", \"points\": [[1, \"y\"]], \"shape_type\": \"point\"}                    | points[0] | [1,\"y\"]",
        "points not an array      | {\"label\": \"cat\", \"points\": 7, \"shape_type\": \"points\"}                              | points | 7",
        "group_id not an integer  | {\"label\": \"cat\", \"points\": [[1, 2]], \"group_id\": \"g\", \"shape_type\": \"point\"}  | group_id | \"g\"",
        "shape flag not a boolean | {\"label\": \"cat\", \"points\": [[1, 2]], \"flags\": {\"big\": 1}, \"shape_type\": \"point\"} | flags.big | 1",
        "mask not base64          | {\"label\": \"cat\", \"points\": [[1, 2], [3, 4]], \"shape_type\": \"mask\", \"mask\": \"@@@\"} | mask | @@@",
        "mask not a png           | {\"label\": \"cat\", \"points\": [[1, 2], [3, 4]], \"shape_type\": \"mask\", \"mask\": \"aGVsbG8=\"} | mask | aGVsbG8=",
        "mask missing             | {\"label\": \"cat\", \"points\": [[1, 2], [3, 4]], \"shape_type\": \"mask\", \"mask\": null} | mask | nothing",
    })
    void names_the_file_line_pointer_field_and_value(String rule, String shape, String field, String value) throws IOException {
        LabelMeFiles.png(dir.resolve("a.png"), 64, 48);
        Path json = dir.resolve("a.json");
        Files.writeString(json, file(shape));

        ValidationException e = assertThrows(ValidationException.class,
                () -> new LabelMeReader().read(dir, new ImportReport(ErrorPolicy.FAIL_FAST)));
        String m = e.getMessage();
        assertTrue(m.startsWith("a.json:3 /shapes/1: "), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(value.equals("nothing") ? "got nothing" : value), m);

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new LabelMeReader().read(dir, report);
        assertEquals(1, report.errors().size(), report.problems()::toString);
        try (Stream<Item> items = d.items()) {
            List<Item> all = items.toList();
            assertEquals(1, all.size());
            assertEquals(1, all.get(0).annotations().size(), "the good shape survives");
        }
    }
}
