package dev.annota.formats.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasksRoundTripTest {
    final MasksFormat format = new MasksFormat();

    @Test
    void writes_semantic_masks_and_reads_back_identical_rle_masks(@TempDir Path dir) throws IOException {
        Dataset original = ShapesScenes.dataset(dir.resolve("src"), 12, 3, ShapesScenes::semantic);
        Path out = dir.resolve("masks");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        assertEquals("masks", Formats.standard().detect(out).format().name());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        assertEquals(original.schema().classes().stream().map(c -> c.id() + ":" + c.name()).toList(),
                back.schema().classes().stream().map(c -> c.id() + ":" + c.name()).toList());
        List<Item> before = ShapesScenes.items(original), after = ShapesScenes.items(back);
        assertEquals(before.size(), after.size());
        int masks = 0;
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).id(), after.get(i).id());
            assertEquals(before.get(i).image().size(), after.get(i).image().size());
            assertEquals(AnnotationGroups.canonical(before.get(i).annotations()), AnnotationGroups.canonical(after.get(i).annotations()));
            masks += before.get(i).annotations().size();
        }
        assertTrue(masks > 20, "the scenes should hold many class masks, got " + masks);
    }

    @Test
    void reports_what_a_semantic_mask_cannot_hold(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("a", "b");
        LabelId a = LabelId.of(1);
        ImageSize size = new ImageSize(8, 6);
        Path image = dir.resolve("x.png");
        PalettePng.writeRgb(image, 8, 6, new int[48]);
        Polygon square = Polygon.of(List.of(new Point(1, 1), new Point(5, 1), new Point(5, 4), new Point(1, 4)));
        Item item = Item.of("x", ImageRef.of(image.toString(), size), List.of(
                BoxAnnotation.of(a, new PixelBox(0, 0, 2, 2)),
                PolygonAnnotation.of(a, square),
                MaskAnnotation.of(a, PolygonRasterizer.rasterize(new PixelBox(0, 0, 2, 2), size)),
                new MaskAnnotation(dev.annota.core.annotation.AnnotationInfo.of(LabelId.of(2)).withOccluded(true).withConfidence(0.5),
                        PolygonRasterizer.rasterize(new PixelBox(4, 0, 2, 2), size))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        format.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[0]") && m.contains("'kind'") && m.contains("\"box\"")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[1]") && m.contains("rasterised")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[2]") && m.contains("merged")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("overlap")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("'occluded'")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("'confidence'")), w::toString);
        assertTrue(Files.isRegularFile(dir.resolve("out/masks/x.png")));
        assertTrue(Files.isRegularFile(dir.resolve("out/images/x.png")));
    }
}
