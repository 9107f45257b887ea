package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCocoCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GT = """
            {"images": [{"id": 1, "width": 100, "height": 100}],
             "categories": [{"id": 1, "name": "cat"}, {"id": 2, "name": "dog"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "area": 400, "iscrowd": 0}]}
            """;

    private static Path caseDir(String name) {
        var dir = SharedData.resolve("reference/cocoeval/cases/" + name);
        assumeTrue(dir.isPresent(), "the shared reference data (../shared/reference/cocoeval) is not present");
        return dir.get();
    }

    @Test
    void prints_the_same_summary_lines_as_pycocotools() throws IOException {
        Path dir = caseDir("bbox_iscrowd");
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", dir.resolve("gt.json").toString(),
                "--dt", dir.resolve("dt.json").toString(), "--iou-type", "bbox");
        assertEquals(0, r.code(), r.err());
        List<String> expected = new ArrayList<>();
        JSON.readTree(dir.resolve("expected.json").toFile()).get("summary_lines").forEach(l -> expected.add(l.asText()));
        assertEquals(expected, r.out().lines().toList());
    }

    @Test
    void prints_stats_and_per_category_ap_as_json() throws IOException {
        Path dir = caseDir("keypoints_person");
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", dir.resolve("gt.json").toString(),
                "--dt", dir.resolve("dt.json").toString(), "--iou-type", "keypoints", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile());
        assertEquals(List.of("stats", "per_category_ap"), iterableNames(out));
        assertEquals(10, out.get("stats").size());
        for (int i = 0; i < 10; i++) {
            assertEquals(expected.get("stats").get(i).asDouble(), out.get("stats").get(i).asDouble(), 1e-12);
        }
        assertEquals(expected.get("per_category_AP").get("1").asDouble(), out.get("per_category_ap").get("1").asDouble(), 1e-12);
    }

    @Test
    void a_result_with_a_bbox_of_three_numbers_is_bad_input_naming_file_pointer_field_and_value(@TempDir Path tmp)
            throws IOException {
        Files.writeString(tmp.resolve("gt.json"), GT);
        Files.writeString(tmp.resolve("dt.json"), """
                [{"image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "score": 0.9},
                 {"image_id": 1, "category_id": 1, "bbox": [10, 10, 20], "score": 0.8}]
                """);
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", tmp.resolve("gt.json").toString(),
                "--dt", tmp.resolve("dt.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("dt.json /1: field 'bbox'"), r.err());
        assertTrue(r.err().contains("[10, 10, 20]"), r.err());
        assertFalse(r.err().contains("at dev.annota"), r.err());
    }

    @Test
    void a_result_for_an_image_the_ground_truth_lacks_is_bad_input(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("gt.json"), GT);
        Files.writeString(tmp.resolve("dt.json"), """
                [{"image_id": 7, "category_id": 1, "bbox": [10, 10, 20, 20], "score": 0.9}]
                """);
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", tmp.resolve("gt.json").toString(),
                "--dt", tmp.resolve("dt.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("dt.json /0: field 'image_id'"), r.err());
        assertTrue(r.err().contains("\"7\""), r.err());
    }

    @Test
    void a_ground_truth_annotation_without_area_is_bad_input(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("gt.json"), GT.replace(", \"area\": 400", ""));
        Files.writeString(tmp.resolve("dt.json"), "[]");
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", tmp.resolve("gt.json").toString(),
                "--dt", tmp.resolve("dt.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("gt.json /annotations/0: field 'area'"), r.err());
    }

    @Test
    void an_unknown_iou_type_is_bad_input() throws IOException {
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", "g.json", "--dt", "d.json", "--iou-type", "mask");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--iou-type"), r.err());
    }

    @Test
    void a_perfect_detection_scores_one_and_a_category_without_ground_truth_minus_one(@TempDir Path tmp)
            throws IOException {
        Files.writeString(tmp.resolve("gt.json"), GT);
        Files.writeString(tmp.resolve("dt.json"), """
                [{"image_id": 1, "category_id": 1, "bbox": [10, 10, 20, 20], "score": 0.9}]
                """);
        CliBasicsTest.Run r = CliBasicsTest.run("eval", "coco", "--gt", tmp.resolve("gt.json").toString(),
                "--dt", tmp.resolve("dt.json").toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode out = JSON.readTree(r.out());
        assertEquals(1.0, out.get("stats").get(0).asDouble(), 1e-15);
        assertEquals(-1.0, out.get("per_category_ap").get("2").asDouble());
        assertEquals(-1.0, out.get("stats").get(5).asDouble()); // no large objects
    }

    private static List<String> iterableNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
