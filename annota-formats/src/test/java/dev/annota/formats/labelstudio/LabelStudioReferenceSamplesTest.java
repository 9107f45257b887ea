package dev.annota.formats.labelstudio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Label Studio exports in the shared reference data (from label-studio-converter's tests): every task,
 * annotation count per annotator, result count per type, label and coordinate in expected.json is found.
 * The exports hold no images (task.data names server paths), so the only problems are missing-image warnings.
 */
class LabelStudioReferenceSamplesTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json_rectangles", "json_polygons"})
    void reads_every_task_result_and_check_of_the_sample(String sample) throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/formats/label_studio/" + sample);
        assumeTrue(dir.isPresent(), "the shared reference data (../shared/reference/formats/label_studio) is not present");
        JsonNode expected = JSON.readTree(dir.get().resolve("expected.json").toFile());
        Path data = dir.get().resolve("data");

        assertEquals("label_studio", Formats.standard().detect(data.resolve("export.json")).format().name());
        assertEquals("label_studio", Formats.standard().detect(data).format().name());

        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new LabelStudioReader().read(data.resolve("export.json"), report);
        List<Item> items;
        try (Stream<Item> s = d.items()) {
            items = s.toList();
        }
        assertEquals(expected.get("num_tasks").asInt(), items.size());
        for (Problem p : report.problems()) {
            assertEquals(Problem.Severity.WARNING, p.severity(), p.message());
            assertTrue(p.message().contains("field 'data.image'") && p.message().contains("expected an image file"), p.message());
        }
        assertEquals(items.size(), report.warnings().size(), "one missing-image warning per task");

        // classes: those of label_config.xml, in its order
        List<String> labels = d.schema().classes().stream().map(c -> c.name()).toList();
        List<String> configLabels = JSON.convertValue(expected.get("label_config_labels"), List.class);
        assertEquals(configLabels, labels);

        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode task : expected.get("tasks")) {
            Item item = items.stream().filter(i -> i.metadata().get(LabelStudioFormat.TASK_ID).equals(task.get("task_id").asText()))
                    .findFirst().orElseThrow();
            String image = task.get("data").get("image").asText();
            assertEquals(image, item.image().location(), "the server path is kept when no file is found");
            assertEquals(image.substring(1), item.id());
            long humans = item.annotations().stream().map(a -> a.info().source()).distinct().count();
            assertEquals(task.get("annotations").asInt(), humans, "one source per annotator");
            int results = 0;
            for (JsonNode n : task.get("results_per_annotation")) {
                results += n.asInt();
            }
            assertEquals(results, item.annotations().size());
            assertEquals(task.get("predictions").asInt(), item.annotations().stream().filter(a -> a.info().source() instanceof Source.Model).count());
            for (Annotation a : item.annotations()) {
                kinds.merge(a.kind() == AnnotationKind.BOX ? "rectanglelabels" : a.kind() == AnnotationKind.POLYGON ? "polygonlabels" : a.kind().wireName(), 1, Integer::sum);
            }
        }
        Map<String, Integer> expectedKinds = JSON.convertValue(expected.get("annotation_result_counts"), Map.class);
        assertEquals(expectedKinds, kinds);

        for (JsonNode check : expected.get("checks")) {
            Item item = items.stream().filter(i -> i.metadata().get(LabelStudioFormat.TASK_ID).equals(check.get("task_id").asText()))
                    .findFirst().orElseThrow();
            ImageSize size = new ImageSize(check.get("original_width").asInt(), check.get("original_height").asInt());
            assertEquals(Optional.of(size), item.image().size(), "the size comes from original_width/original_height");
            String label = check.get("label").get(0).asText();
            List<Annotation> candidates = item.annotations().stream()
                    .filter(a -> d.schema().get(a.label()).orElseThrow().name().equals(label)).toList();
            switch (check.get("type").asText()) {
                case "rectanglelabels" -> {
                    JsonNode px = check.get("pixel_xywh_unrotated");
                    PixelBox want = new PixelBox(px.get(0).asDouble(), px.get(1).asDouble(), px.get(2).asDouble(), px.get(3).asDouble());
                    assertEquals(0, check.get("rotation_deg").asDouble());
                    assertTrue(candidates.stream().anyMatch(a -> a instanceof BoxAnnotation b && close(b.box(), want)),
                            () -> "no box " + want + " of " + label + " in " + candidates);
                }
                case "polygonlabels" -> {
                    JsonNode first = check.get("first_point_pixel");
                    Point want = new Point(first.get(0).asDouble(), first.get(1).asDouble());
                    PolygonAnnotation p = (PolygonAnnotation) candidates.stream().filter(a -> a instanceof PolygonAnnotation).findFirst().orElseThrow();
                    assertEquals(check.get("num_points").asInt(), p.polygon().parts().get(0).size());
                    Point got = p.polygon().parts().get(0).get(0);
                    assertEquals(want.x(), got.x(), 1e-6);
                    assertEquals(want.y(), got.y(), 1e-6);
                    assertTrue(check.get("closed").isNull(), "no closed flag: a closed polygon");
                }
                default -> throw new AssertionError("unexpected check type " + check.get("type"));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"json_rectangles"})
    void keeps_each_annotator_of_a_task_as_its_own_source(String sample) throws IOException {
        Optional<Path> dir = SharedData.resolve("reference/formats/label_studio/" + sample + "/data/export.json");
        assumeTrue(dir.isPresent(), "the shared reference data is not present");
        Dataset d = new LabelStudioReader().read(dir.get(), new ImportReport(ErrorPolicy.COLLECT));
        try (Stream<Item> s = d.items()) {
            Item first = s.filter(i -> i.metadata().get(LabelStudioFormat.TASK_ID).equals("1")).findFirst().orElseThrow();
            Map<Source, Long> bySource = new HashMap<>();
            first.annotations().forEach(a -> bySource.merge(a.info().source(), 1L, Long::sum));
            assertEquals(Map.of(Source.human("2"), 2L, Source.human("1"), 2L), bySource);
        }
    }

    private static boolean close(PixelBox a, PixelBox b) {
        return Math.abs(a.x() - b.x()) < 1e-5 && Math.abs(a.y() - b.y()) < 1e-5
                && Math.abs(a.width() - b.width()) < 1e-5 && Math.abs(a.height() - b.height()) < 1e-5;
    }
}
