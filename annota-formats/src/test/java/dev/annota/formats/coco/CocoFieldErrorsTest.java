package dev.annota.formats.coco;

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
 * One row per field rule: a COCO file with one bad annotation (the second record) fails fast with a message
 * naming the file, the JSON pointer, the field and the value; collecting, the good record survives.
 */
class CocoFieldErrorsTest {
    @TempDir
    Path dir;

    static String file(String badRecord) {
        return """
                {"images": [{"id": 1, "file_name": "a.png", "width": 100, "height": 80}],
                 "categories": [{"id": 1, "name": "cat"}],
                 "annotations": [
                   {"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]},
                   %s
                 ]}
                """.formatted(badRecord);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bbox with three numbers   | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3]}                | bbox           | [1,2,3]",
        "bbox with negative width  | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, -3, 4]}            | bbox           | [1,2,-3,4]",
        "bbox with a string        | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, \"x\", 3, 4]}        | bbox[1]        | \"x\"",
        "missing category_id       | {\"id\": 2, \"image_id\": 1, \"bbox\": [1, 2, 3, 4]}                                | category_id    | nothing",
        "unknown image_id          | {\"id\": 2, \"image_id\": 9, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}            | image_id       | 9",
        "image_id not an integer   | {\"id\": 2, \"image_id\": 1.5, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}          | image_id       | 1.5",
        "iscrowd of 2              | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"iscrowd\": 2, \"bbox\": [1, 2, 3, 4]} | iscrowd   | 2",
        "score above one           | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"score\": 1.5, \"bbox\": [1, 2, 3, 4]} | score     | 1.5",
        "rle size with one number  | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [80], \"counts\": [8000]}} | segmentation.size | [80]",
        "rle counts not summing    | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [80, 100], \"counts\": [10, 5]}} | counts | sum 15",
        "rle negative count        | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [80, 100], \"counts\": [8001, -1]}} | segmentation.counts[1] | -1",
        "rle string with bad char  | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\": {\"size\": [80, 100], \"counts\": \"0~~\"}} | counts | ~",
        "polygon of two points     | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"segmentation\": [[1, 2, 3, 4]]}    | segmentation[0] | [1,2,3,4]",
        "keypoints not in triples  | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"keypoints\": [1, 2]} | keypoints | 2 numbers",
        "keypoint visibility of 3  | {\"id\": 2, \"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"keypoints\": [1, 2, 3]} | visibility | 3",
    })
    void names_the_file_pointer_field_and_value(String rule, String record, String field, String value) throws IOException {
        Path json = dir.resolve("instances_default.json");
        Files.writeString(json, file(record));

        ValidationException e = assertThrows(ValidationException.class,
                () -> new CocoReader().read(json, new ImportReport(ErrorPolicy.FAIL_FAST)));
        String m = e.getMessage();
        assertTrue(m.contains("instances_default.json:"), m);
        assertTrue(m.contains("/annotations/1"), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(value.equals("nothing") ? "got nothing" : value), m);

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CocoReader().read(json, report);
        assertTrue(report.errors().size() >= 1, report.problems()::toString);
        try (Stream<Item> items = d.items()) {
            List<Item> all = items.toList();
            assertEquals(1, all.size());
            assertTrue(all.get(0).annotations().size() >= 1, "the good record survives");
        }
    }
}
