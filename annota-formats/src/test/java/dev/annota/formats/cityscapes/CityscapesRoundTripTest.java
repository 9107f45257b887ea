package dev.annota.formats.cityscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.formats.masks.LabelImage;
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ShapesScenes;
import dev.annota.testkit.shapes.ShapeObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CityscapesRoundTripTest {
    final CityscapesFormat format = new CityscapesFormat();

    static List<Annotation> instances(LabelSchema schema, List<ShapeObject> objects) {
        List<Annotation> out = new ArrayList<>();
        for (ShapeObject o : objects) {
            out.add(MaskAnnotation.of(schema.byName(o.className()).orElseThrow().id(), ShapesScenes.exact(o.mask())));
        }
        return out;
    }

    Dataset roundTrip(Dataset original, Path out) throws IOException {
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        assertEquals("cityscapes", Formats.standard().detect(out).format().name());
        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        List<Item> before = ShapesScenes.items(original), after = ShapesScenes.items(back);
        assertEquals(before.stream().map(i -> i.subset() + ":" + i.id()).sorted().toList(),
                after.stream().map(i -> i.subset() + ":" + i.id()).sorted().toList());
        for (Item b : before) {
            Item a = after.stream().filter(x -> x.id().equals(b.id())).findFirst().orElseThrow();
            assertEquals(b.image().size(), a.image().size());
            assertEquals(AnnotationGroups.canonical(b.annotations()), AnnotationGroups.canonical(a.annotations()), b.id());
        }
        return back;
    }

    @Test
    void writes_shapes_instances_with_a_custom_label_table_and_reads_back_identical_masks(@TempDir Path dir) throws IOException {
        Dataset original = ShapesScenes.dataset(dir.resolve("src"), 10, 5, CityscapesRoundTripTest::instances);
        Dataset back = roundTrip(original, dir.resolve("cs"));
        assertTrue(Files.isRegularFile(dir.resolve("cs/label_colors.txt")));
        assertEquals(original.schema().classes().stream().map(LabelClass::name).toList(),
                back.schema().classes().stream().map(LabelClass::name).toList());
    }

    @Test
    void writes_standard_classes_with_cityscapes_ids_instances_and_crowd_regions(@TempDir Path dir) throws IOException {
        LabelSchema.Builder b = LabelSchema.builder();
        CityscapesLabels.STANDARD.stream().filter(l -> l.id() > 0)
                .forEach(l -> b.put(LabelClass.of(LabelId.of(l.id()), l.name())));
        LabelSchema schema = b.build();
        ImageSize size = new ImageSize(30, 20);
        Path image = dir.resolve("frankfurt_000000_000294_leftImg8bit.png");
        PalettePng.writeRgb(image, 30, 20, new int[600]);
        LabelId road = LabelId.of(7), car = LabelId.of(26), person = LabelId.of(24);
        Item item = new Item("frankfurt/frankfurt_000000_000294", ImageRef.of(image.toString(), size), "val", List.of(
                MaskAnnotation.of(road, PolygonRasterizer.rasterize(new PixelBox(0, 10, 30, 10), size)),
                MaskAnnotation.of(car, PolygonRasterizer.rasterize(new PixelBox(1, 1, 5, 5), size)),
                MaskAnnotation.of(car, PolygonRasterizer.rasterize(new PixelBox(8, 1, 5, 5), size)),
                new MaskAnnotation(AnnotationInfo.of(person).withAttribute("iscrowd", AttributeValue.of(true)),
                        PolygonRasterizer.rasterize(new PixelBox(20, 0, 6, 8), size))), Map.of());
        Dataset original = InMemoryDataset.of(schema, List.of(item));
        roundTrip(original, dir.resolve("cs"));
        Path gt = dir.resolve("cs/gtFine/val/frankfurt/frankfurt_000000_000294");
        LabelImage ids = PalettePng.read(Path.of(gt + "_gtFine_instanceIds.png")).orElseThrow();
        assertEquals(26000, ids.value(2, 2));
        assertEquals(26001, ids.value(9, 2));
        assertEquals(24, ids.value(21, 1), "a crowd region is the bare class id");
        assertEquals(7, ids.value(0, 15));
        LabelImage labels = PalettePng.read(Path.of(gt + "_gtFine_labelIds.png")).orElseThrow();
        assertEquals(26, labels.value(9, 2));
        LabelImage colours = PalettePng.read(Path.of(gt + "_gtFine_color.png")).orElseThrow();
        assertEquals(0x80408, colours.value(0, 15) >> 4, "road is (128,64,128)");
        assertTrue(Files.isRegularFile(dir.resolve("cs/leftImg8bit/val/frankfurt/frankfurt_000000_000294_leftImg8bit.png")));
        assertTrue(Files.notExists(dir.resolve("cs/label_colors.txt")), "standard classes need no label table");
    }

    @Test
    void reports_what_cityscapes_cannot_hold(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("road", "car");
        ImageSize size = new ImageSize(10, 10);
        Item item = Item.of("x", ImageRef.of(dir.resolve("missing.png").toString(), size), List.of(
                BoxAnnotation.of(LabelId.of(2), new PixelBox(0, 0, 2, 2)),
                MaskAnnotation.of(LabelId.of(1), PolygonRasterizer.rasterize(new PixelBox(0, 5, 10, 5), size)),
                MaskAnnotation.of(LabelId.of(1), PolygonRasterizer.rasterize(new PixelBox(0, 0, 3, 3), size)),
                new MaskAnnotation(AnnotationInfo.of(LabelId.of(2)).withGroup(3).withAttribute("colour", AttributeValue.of("red")),
                        PolygonRasterizer.rasterize(new PixelBox(0, 4, 4, 4), size))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        format.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[0]") && m.contains("\"box\"")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[2]") && m.contains("merged")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("'colour'")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("'groupId'")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("overlap")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("missing.png")), w::toString);
    }
}
