package dev.annota.formats.labelstudio;

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
 * One row per field rule: an export whose second result is broken fails fast with a message naming the file,
 * the JSON pointer, the field and the value; collecting, the good result survives.
 */
class LabelStudioFieldErrorsTest {
    @TempDir
    Path dir;

    static String export(String badValue, String type) {
        return """
                [{"id": 1, "data": {"image": "/data/upload/1/a.png"},
                  "annotations": [{"id": 1, "completed_by": 1, "result": [
                    {"id": "ok", "type": "rectanglelabels", "from_name": "label", "to_name": "image",
                     "original_width": 100, "original_height": 80,
                     "value": {"x": 10, "y": 10, "width": 20, "height": 20, "rectanglelabels": ["cat"]}},
                    {"id": "bad", "type": "%s", "from_name": "label", "to_name": "image",
                     "original_width": 100, "original_height": 80, "value": %s}
                  ]}]}]
                """.formatted(type, badValue);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x not a number          | rectanglelabels | {\"x\": \"a\", \"y\": 1, \"width\": 2, \"height\": 2, \"rectanglelabels\": [\"cat\"]} | x | \"a\"",
        "negative width          | rectanglelabels | {\"x\": 1, \"y\": 1, \"width\": -2, \"height\": 2, \"rectanglelabels\": [\"cat\"]}   | width | -2",
        "missing height          | rectanglelabels | {\"x\": 1, \"y\": 1, \"width\": 2, \"rectanglelabels\": [\"cat\"]}                 | height | nothing",
        "labels not an array     | rectanglelabels | {\"x\": 1, \"y\": 1, \"width\": 2, \"height\": 2, \"rectanglelabels\": \"cat\"}       | rectanglelabels | \"cat\"",
        "polygon of two points   | polygonlabels   | {\"points\": [[1, 2], [3, 4]], \"polygonlabels\": [\"cat\"]}                     | points | [[1,2],[3,4]]",
        "polygon point of three  | polygonlabels   | {\"points\": [[1, 2], [3, 4, 5], [6, 7]], \"polygonlabels\": [\"cat\"]}           | points[1] | [3,4,5]",
        "closed not a boolean    | polygonlabels   | {\"points\": [[1, 2], [3, 4], [5, 6]], \"closed\": \"no\", \"polygonlabels\": [\"cat\"]} | closed | \"no\"",
        "keypoint without y      | keypointlabels  | {\"x\": 1, \"keypointlabels\": [\"cat\"]}                                        | y | nothing",
        "ellipse negative radius | ellipselabels   | {\"x\": 1, \"y\": 1, \"radiusX\": -1, \"radiusY\": 1, \"ellipselabels\": [\"cat\"]} | radiusX | -1",
        "brush other format      | brushlabels     | {\"format\": \"png\", \"rle\": [1], \"brushlabels\": [\"cat\"]}                  | format | \"png\"",
        "brush byte of 300       | brushlabels     | {\"format\": \"rle\", \"rle\": [0, 300], \"brushlabels\": [\"cat\"]}             | rle[1] | 300",
        "brush stream too short  | brushlabels     | {\"format\": \"rle\", \"rle\": [0, 0, 1], \"brushlabels\": [\"cat\"]}            | rle | 3 bytes",
        "choices not strings     | choices         | {\"choices\": [1]}                                                             | choices[0] | 1",
        "value not an object     | rectanglelabels | [1, 2]                                                                         | value | [1,2]",
    })
    void names_the_file_pointer_field_and_value(String rule, String type, String value, String field, String got) throws IOException {
        Path json = dir.resolve("export.json");
        Files.writeString(json, export(value, type));

        ValidationException e = assertThrows(ValidationException.class,
                () -> new LabelStudioReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST)));
        String m = e.getMessage();
        assertTrue(m.startsWith("export.json:1 /0/annotations/0/result/1"), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(got.equals("nothing") ? "got nothing" : got), m);

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new LabelStudioReader().read(json, report);
        assertEquals(1, report.errors().size(), report.problems()::toString);
        try (Stream<Item> items = d.items()) {
            List<Item> all = items.toList();
            assertEquals(1, all.size());
            assertEquals(1, all.get(0).annotations().size(), "the good result survives");
        }
    }
}
