package dev.annota.formats.cocoresults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Results files of ../shared/reference/cocoeval/cases read against their ground truth, as loadRes reads them. */
class CocoResultsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Path caseDir(String name) {
        Optional<Path> p = SharedData.resolve("reference/cocoeval/cases/" + name);
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/cocoeval) is absent");
        return p.get();
    }

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bbox_area_ranges", "bbox_iscrowd", "bbox_random_50img_5cat", "keypoints_person",
            "real_shapes_bbox", "segm_polygon"})
    void reads_every_result_of_the_case_per_image_with_its_score_and_loadres_box(String name) throws IOException {
        Path dt = caseDir(name).resolve("dt.json");
        assertEquals(CocoResultsFormat.NAME, Formats.standard().detect(dt).format().name());
        assertEquals("coco", Formats.standard().detect(caseDir(name).resolve("gt.json")).format().name());

        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset results = new CocoResultsFormat().reader().orElseThrow().read(dt, report); // finds gt.json beside it
        assertTrue(report.errors().isEmpty(), report.problems()::toString);

        JsonNode expected = JSON.readTree(dt.toFile());
        JsonNode counts = JSON.readTree(caseDir(name).resolve("expected.json").toFile()).get("counts");
        assertEquals(counts.get("detections_loaded").asInt(), expected.size());
        Map<String, List<JsonNode>> byImage = new HashMap<>();
        for (JsonNode r : expected) {
            byImage.computeIfAbsent(r.get("image_id").asText(), k -> new ArrayList<>()).add(r);
        }
        List<Item> items = items(results);
        assertEquals(counts.get("gt_images").asInt(), items.size(), "every ground-truth image is an item");
        long total = 0;
        for (Item item : items) {
            List<JsonNode> want = byImage.getOrDefault(item.metadata().get("coco_image_id"), List.of());
            assertEquals(want.size(), item.annotations().size(), "results of image " + item.id());
            for (int k = 0; k < want.size(); k++) {
                JsonNode r = want.get(k);
                Annotation a = item.annotations().get(k);
                assertEquals(r.get("score").asDouble(), a.info().confidence().getAsDouble(), 0);
                assertEquals(r.get("category_id").asInt(), a.label().value());
                assertTrue(a.info().source() instanceof Source.Model);
                assertEquals(loadResBox(r, a), CocoResults.derivedBox(a).orElseThrow(), "result " + k + " of " + item.id());
            }
            total += item.annotations().size();
        }
        assertEquals(expected.size(), total);
    }

    /** The box loadRes gives the result, computed here independently of the reader's geometry code. */
    static PixelBox loadResBox(JsonNode r, Annotation read) {
        JsonNode bbox = r.get("bbox");
        if (bbox != null && bbox.size() == 4) {
            assertTrue(read instanceof BoxAnnotation, "a bbox result is a box");
            PixelBox b = new PixelBox(bbox.get(0).asDouble(), bbox.get(1).asDouble(), bbox.get(2).asDouble(), bbox.get(3).asDouble());
            assertEquals(bbox.get(2).asDouble() * bbox.get(3).asDouble(), b.area(), 1e-9, "area w*h");
            return b;
        }
        if (r.has("segmentation")) {
            // toBbox: the extent of the mask's pixels, from the decoded bitmap
            MaskAnnotation m = (MaskAnnotation) read;
            boolean[] bits = m.mask().toBitmap();
            int w = m.mask().width(), minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, maxX = -1, maxY = -1;
            for (int i = 0; i < bits.length; i++) {
                if (bits[i]) {
                    minX = Math.min(minX, i % w);
                    maxX = Math.max(maxX, i % w);
                    minY = Math.min(minY, i / w);
                    maxY = Math.max(maxY, i / w);
                }
            }
            assertEquals(r.get("segmentation").get("size").get(0).asInt(), m.mask().height());
            return maxX < 0 ? new PixelBox(0, 0, 0, 0) : new PixelBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
        }
        assertTrue(read instanceof KeypointsAnnotation, "a keypoints result is keypoints");
        JsonNode kp = r.get("keypoints");
        double x0 = Double.MAX_VALUE, y0 = Double.MAX_VALUE, x1 = -Double.MAX_VALUE, y1 = -Double.MAX_VALUE;
        for (int i = 0; i < kp.size(); i += 3) {
            x0 = Math.min(x0, kp.get(i).asDouble());
            x1 = Math.max(x1, kp.get(i).asDouble());
            y0 = Math.min(y0, kp.get(i + 1).asDouble());
            y1 = Math.max(y1, kp.get(i + 1).asDouble());
        }
        return new PixelBox(x0, y0, x1 - x0, y1 - y0);
    }

    static final String GT = """
            {"images": [{"id": 1, "file_name": "a.png", "width": 100, "height": 80}],
             "categories": [{"id": 1, "name": "cat"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4]}]}
            """;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "image not in the ground truth | {\"image_id\": 9, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"score\": 0.5}   | image_id     | 9",
        "category not in the schema    | {\"image_id\": 1, \"category_id\": 4, \"bbox\": [1, 2, 3, 4], \"score\": 0.5}   | category_id  | 4",
        "score above one               | {\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4], \"score\": 1.5}   | score        | 1.5",
        "score missing                 | {\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3, 4]}                   | score        | nothing",
        "bbox of three numbers         | {\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, 3], \"score\": 0.5}      | bbox         | [1,2,3]",
        "bbox with a negative width    | {\"image_id\": 1, \"category_id\": 1, \"bbox\": [1, 2, -3, 4], \"score\": 0.5}  | bbox         | [1,2,-3,4]",
    })
    void names_the_file_pointer_field_and_value(String rule, String bad, String field, String value) throws IOException {
        Files.writeString(dir.resolve("gt.json"), GT);
        Path dt = dir.resolve("dt.json");
        Files.writeString(dt, "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [5, 5, 2, 2], \"score\": 0.9},\n" + bad + "]");
        ValidationException e = assertThrows(ValidationException.class,
                () -> new CocoResultsFormat().reader().orElseThrow().read(dt, new ImportReport(ErrorPolicy.FAIL_FAST)));
        String m = e.getMessage();
        assertTrue(m.contains("dt.json:2 /1"), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(value.equals("nothing") ? "got nothing" : value), m);

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = CocoResultsReader.against(dir.resolve("gt.json")).read(dt, report);
        assertEquals(1, report.errors().size(), report.problems()::toString);
        assertEquals(List.of(new PixelBox(5, 5, 2, 2)), items(d).get(0).annotations().stream()
                .map(a -> ((BoxAnnotation) a).box()).toList(), "the good result survives");
    }

    @org.junit.jupiter.api.Test
    void decides_the_kind_of_every_result_by_the_first_as_loadres_does() throws IOException {
        Files.writeString(dir.resolve("gt.json"), GT);
        Path dt = dir.resolve("dt.json");
        // the first has a box: every result is a box, and the second one's RLE is ignored like loadRes does
        Files.writeString(dt, """
                [{"image_id": 1, "category_id": 1, "bbox": [5, 5, 2, 2], "score": 0.9},
                 {"image_id": 1, "category_id": 1, "bbox": [1, 1, 4, 4], "segmentation": {"size": [80, 100], "counts": [8000]}, "score": 0.3}]
                """);
        Dataset d = new CocoResultsFormat().reader().orElseThrow().read(dt, new ImportReport(ErrorPolicy.FAIL_FAST));
        assertTrue(items(d).get(0).annotations().stream().allMatch(a -> a instanceof BoxAnnotation));
        // segm results must be RLE
        Files.writeString(dt, "[{\"image_id\": 1, \"category_id\": 1, \"segmentation\": [[1, 1, 5, 1, 5, 5]], \"score\": 0.5}]");
        ValidationException e = assertThrows(ValidationException.class,
                () -> new CocoResultsFormat().reader().orElseThrow().read(dt, new ImportReport(ErrorPolicy.FAIL_FAST)));
        assertTrue(e.getMessage().contains("field 'segmentation'"), e.getMessage());
    }

    @org.junit.jupiter.api.Test
    void asks_for_the_ground_truth_when_none_lies_beside_the_results() throws IOException {
        Path dt = dir.resolve("dt.json");
        Files.writeString(dt, "[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [5, 5, 2, 2], \"score\": 0.9}]");
        ValidationException e = assertThrows(ValidationException.class,
                () -> new CocoResultsFormat().reader().orElseThrow().read(dt, new ImportReport(ErrorPolicy.COLLECT)));
        assertTrue(e.getMessage().contains("ground truth"), e.getMessage());
        assertTrue(new CocoResultsFormat().writer().isEmpty(), "import only");
    }
}
