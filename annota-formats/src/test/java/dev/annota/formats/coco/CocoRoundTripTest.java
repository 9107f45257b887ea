package dev.annota.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.CuboidAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoRoundTripTest {
    final CocoFormat coco = new CocoFormat();

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    @Test
    void writes_shapes_scenes_as_coco_and_reads_back_every_annotation_unchanged(@TempDir Path dir) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 7, 30);
        Path source = dir.resolve("source");
        shapes.writePngs(source, i -> { });
        Dataset original = ShapesItems.dataset(shapes, source);

        Path out = dir.resolve("coco");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        coco.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = coco.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());

        assertEquals(original.schema().classes().stream().map(c -> c.id() + ":" + c.name() + ":" + c.skeleton()).toList(),
                back.schema().classes().stream().map(c -> c.id() + ":" + c.name() + ":" + c.skeleton()).toList());
        List<Item> before = items(original);
        List<Item> after = items(back);
        assertEquals(before.size(), after.size());
        long annotations = 0;
        for (int i = 0; i < before.size(); i++) {
            Item b = before.get(i), a = after.get(i);
            assertEquals(b.id(), a.id());
            assertEquals(b.image().size(), a.image().size());
            assertTrue(Files.isRegularFile(Path.of(a.image().location())), a.image().location());
            assertEquals(AnnotationGroups.canonical(b.annotations()), AnnotationGroups.canonical(a.annotations()), "item " + b.id());
            annotations += b.annotations().size();
        }
        assertTrue(annotations > 100, "the scenes should hold many annotations, got " + annotations);
        try (Stream<Path> left = Files.list(out.resolve("annotations"))) {
            assertEquals(List.of("instances_default.json"), left.map(p -> p.getFileName().toString()).toList(),
                    "no temporary fragment may be left behind");
        }
    }

    @Test
    void reports_every_annotation_coco_cannot_hold_and_converts_rotated_boxes(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        var label = schema.classes().get(0).id();
        ImageRef image = ImageRef.of(dir.resolve("missing.png").toString(), new ImageSize(100, 80));
        Item item = Item.of("x", image, List.of(
                BoxAnnotation.of(label, new PixelBox(1, 2, 3, 4)),
                PolylineAnnotation.of(label, new Polyline(List.of(new Point(0, 0), new Point(5, 5)))),
                PointsAnnotation.of(label, List.of(new Point(1, 1))),
                CuboidAnnotation.of(label, new Cuboid2D(
                        List.of(new Point(0, 0), new Point(0, 1), new Point(1, 0), new Point(1, 1)),
                        List.of(new Point(2, 2), new Point(2, 3), new Point(3, 2), new Point(3, 3)))),
                RotatedBoxAnnotation.of(label, new RotatedBox(50, 40, 20, 10, 30))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        coco.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);

        List<String> warnings = report.warnings().stream().map(Problem::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("item x: annotations[1]") && w.contains("polyline")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("item x: annotations[2]") && w.contains("points")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("item x: annotations[3]") && w.contains("cuboid")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("item x: annotations[4]") && w.contains("rotated_box")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("missing.png")), warnings::toString);

        Dataset back = coco.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.COLLECT));
        List<Annotation> got = items(back).get(0).annotations();
        assertEquals(2, got.size());
        assertEquals(new PixelBox(1, 2, 3, 4), ((BoxAnnotation) got.get(0)).box());
        PolygonAnnotation rotated = (PolygonAnnotation) got.get(1);
        assertEquals(200.0, rotated.polygon().area(), 1e-9);
        assertFalse(Files.exists(dir.resolve("out/images/default/missing.png")));
    }
}
