package dev.annota.formats.cocoresults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detections written by {@link CocoResultsWriter} read back by {@link CocoResults} as loadRes reads them. */
class CocoResultsWriterTest {
    @TempDir
    Path dir;

    @Test
    void detections_round_trip_through_the_results_reader() throws IOException {
        Files.writeString(dir.resolve("gt.json"), CocoResultsTest.GT);
        Path results = dir.resolve("dt.json");
        try (CocoResultsWriter w = CocoResultsWriter.create(results)) {
            w.detection(1, 1, 0.9, new PixelBox(10.125, 20, 30.5, 40));
            w.detection(1, 1, 0.25, new PixelBox(0, 0, 5, 5));
            assertEquals(2, w.written());
        }
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = CocoResultsReader.against(dir.resolve("gt.json")).read(results, report);
        List<Annotation> read;
        try (var items = d.items()) {
            read = items.map(Item::annotations).flatMap(List::stream).toList();
        }
        assertEquals(2, read.size());
        BoxAnnotation first = (BoxAnnotation) read.get(0);
        assertEquals(new PixelBox(10.13, 20, 30.5, 40), first.box(), "boxes keep 2 decimals");
        assertEquals(0.9, first.info().confidence().orElseThrow(), 1e-12);
        assertEquals(0.25, read.get(1).info().confidence().orElseThrow(), 1e-12);
    }

    @Test
    void classifications_are_results_without_a_box_and_bad_values_are_refused() throws IOException {
        Path results = dir.resolve("classes.json");
        try (CocoResultsWriter w = CocoResultsWriter.create(results)) {
            w.classification(7, 3, 0.1234567);
            ValidationException e = assertThrows(ValidationException.class, () -> w.classification(7, 0, 0.5));
            assertTrue(e.getMessage().contains("category_id"), e.getMessage());
            assertThrows(ValidationException.class, () -> w.detection(7, 1, 1.5, new PixelBox(0, 0, 1, 1)));
        }
        JsonNode array = new ObjectMapper().readTree(results.toFile());
        assertEquals(1, array.size());
        assertEquals(7, array.get(0).get("image_id").asLong());
        assertEquals(3, array.get(0).get("category_id").asInt());
        assertEquals(0.123457, array.get(0).get("score").asDouble(), 1e-12);
        assertTrue(array.get(0).get("bbox") == null);
    }
}
