package dev.annota.formats.labelme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.CuboidAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelMeRoundTripTest {
    final LabelMeFormat labelme = new LabelMeFormat();

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    /** Shapes scenes with what LabelMe holds: polygons and masks in groups, tags; no keypoints, the colour as description. */
    static Dataset shapes(Path images) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 5, 15);
        shapes.writePngs(images, i -> { });
        Dataset full = ShapesItems.dataset(shapes, images);
        List<Item> out = new ArrayList<>();
        for (Item it : items(full)) {
            List<Annotation> kept = new ArrayList<>();
            for (Annotation a : it.annotations()) {
                if (a instanceof KeypointsAnnotation) {
                    continue;
                }
                AnnotationInfo i = a.info();
                Map<String, AttributeValue> attrs = i.attributes().isEmpty() ? Map.of()
                        : Map.of(LabelMeFormat.DESCRIPTION, i.attributes().get(ShapesItems.COLOUR));
                kept.add(a.withInfo(new AnnotationInfo(i.label(), attrs, i.source(), i.confidence(), false, 0, i.groupId())));
            }
            out.add(it.withAnnotations(kept).withMetadata(Map.of()));
        }
        return InMemoryDataset.of(full.schema(), out);
    }

    /**
     * LabelMe files hold class names, not ids: classes are numbered in order of appearance when read. This maps
     * the labels read back onto the original schema by name.
     */
    static List<Annotation> byName(List<Annotation> annotations, LabelSchema from, LabelSchema to) {
        return annotations.stream().map(a -> (Annotation) a.withInfo(a.info().withLabel(
                to.byName(from.get(a.label()).orElseThrow().name()).orElseThrow().id()))).toList();
    }

    @Test
    void writes_shapes_scenes_and_reads_back_every_polygon_mask_group_and_tag_unchanged(@TempDir Path dir) throws IOException {
        Dataset original = shapes(dir.resolve("source"));
        Path out = dir.resolve("labelme");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        labelme.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());

        assertEquals("labelme", Formats.standard().detect(out).format().name());
        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = labelme.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.size(), after.size());
        long masks = 0;
        for (int i = 0; i < before.size(); i++) {
            Item b = before.get(i), a = after.get(i);
            assertEquals(b.id(), a.id());
            assertEquals(b.image().size(), a.image().size());
            assertTrue(Files.isRegularFile(Path.of(a.image().location())));
            assertEquals(AnnotationGroups.canonical(b.annotations()),
                    AnnotationGroups.canonical(byName(a.annotations(), back.schema(), original.schema())), "item " + b.id());
            masks += b.annotations().stream().filter(x -> x instanceof MaskAnnotation).count();
        }
        assertTrue(masks > 3, "the scenes should hold masks, got " + masks);
    }

    @Test
    void writes_every_shape_type_and_reads_it_back_unchanged(@TempDir Path dir) throws IOException {
        LabelMeFiles.png(dir.resolve("in/a.png"), 64, 48);
        Files.writeString(dir.resolve("in/a.json"), LabelMeFiles.everyShape("a.png", 64, 48));
        Dataset original = labelme.reader().orElseThrow().read(dir.resolve("in"), new ImportReport(ErrorPolicy.FAIL_FAST));
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        labelme.writer().orElseThrow().write(original, dir.resolve("out"), written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        JsonNode json = new ObjectMapper().readTree(dir.resolve("out/a.json").toFile());
        assertEquals("a.png", json.get("imagePath").asText());
        assertTrue(json.get("imageData").isNull());
        assertEquals(List.of("rectangle", "polygon", "circle", "line", "linestrip", "point", "points", "mask"),
                new ArrayList<>(json.get("shapes").findValuesAsText("shape_type")));
        Dataset back = labelme.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.FAIL_FAST));
        assertEquals(AnnotationGroups.canonical(items(original).get(0).annotations()),
                AnnotationGroups.canonical(items(back).get(0).annotations()));
        assertEquals(original.schema().classes().stream().map(c -> c.name()).toList().subList(0, 5),
                back.schema().classes().stream().map(c -> c.name()).toList().subList(0, 5));
    }

    @Test
    void goes_through_coco_and_back_keeping_boxes_polygons_masks_and_tags(@TempDir Path dir) throws IOException {
        LabelMeFiles.png(dir.resolve("in/a.png"), 64, 48);
        Files.writeString(dir.resolve("in/a.json"), LabelMeFiles.everyShape("a.png", 64, 48));
        Dataset original = labelme.reader().orElseThrow().read(dir.resolve("in"), new ImportReport(ErrorPolicy.FAIL_FAST));
        var coco = Formats.standard().get("coco");
        ImportReport toCoco = new ImportReport(ErrorPolicy.COLLECT);
        coco.writer().orElseThrow().write(original, dir.resolve("coco"), toCoco);
        Dataset fromCoco = coco.reader().orElseThrow().read(dir.resolve("coco"), new ImportReport(ErrorPolicy.COLLECT));
        labelme.writer().orElseThrow().write(fromCoco, dir.resolve("out"), new ImportReport(ErrorPolicy.COLLECT));
        Dataset back = labelme.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.FAIL_FAST));
        List<Annotation> before = items(original).get(0).annotations();
        List<Annotation> got = items(back).get(0).annotations();
        assertEquals(items(original).get(0).id(), items(back).get(0).id());
        assertTrue(got.stream().anyMatch(a -> a instanceof BoxAnnotation b && b.box().equals(new PixelBox(10, 5.25, 20.5, 14.75))), got::toString);
        assertEquals(before.stream().filter(a -> a instanceof MaskAnnotation).map(a -> ((MaskAnnotation) a).mask()).toList(),
                got.stream().filter(a -> a instanceof MaskAnnotation).map(a -> ((MaskAnnotation) a).mask()).toList());
        assertEquals(((PolygonAnnotation) before.get(1)).polygon(),
                got.stream().filter(a -> a instanceof PolygonAnnotation).map(a -> ((PolygonAnnotation) a).polygon()).findFirst().orElseThrow());
        assertEquals(1, got.stream().filter(a -> a instanceof Tag).count());
        // COCO holds no circles, polylines or points, and says so
        assertTrue(got.stream().noneMatch(a -> a instanceof EllipseAnnotation));
        assertFalse(toCoco.warnings().isEmpty());
    }

    @Test
    void reports_every_annotation_labelme_cannot_hold_as_it_is(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        LabelId label = schema.classes().get(0).id();
        Item item = new Item("x", ImageRef.of(dir.resolve("missing.png").toString(), new ImageSize(100, 80)), "train", List.of(
                CuboidAnnotation.of(label, new Cuboid2D(
                        List.of(new Point(0, 0), new Point(0, 1), new Point(1, 0), new Point(1, 1)),
                        List.of(new Point(2, 2), new Point(2, 3), new Point(3, 2), new Point(3, 3)))),
                RotatedBoxAnnotation.of(label, new RotatedBox(50, 40, 20, 10, 30)),
                EllipseAnnotation.of(label, new Ellipse(50, 40, 20, 10, 0)),
                PolygonAnnotation.of(label, new Polygon(List.of(
                        List.of(new Point(0, 0), new Point(5, 0), new Point(0, 5)),
                        List.of(new Point(10, 10), new Point(15, 10), new Point(10, 15))))),
                new BoxAnnotation(AnnotationInfo.predicted(label, (Source.Model) Source.model("m", "1"), 0.5).withOccluded(true)
                        .withZOrder(1).withAttribute("colour", AttributeValue.of("red")), new PixelBox(1, 1, 2, 2))), Map.of());
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        labelme.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        for (String want : List.of("item x: field 'subset'", "item x: annotations[0]: field 'kind'", "item x: annotations[1]: field 'kind'",
                "item x: annotations[2]: field 'kind'", "item x: annotations[3]: field 'polygon'", "item x: annotations[4]: field 'source'",
                "item x: annotations[4]: field 'confidence'", "item x: annotations[4]: field 'occluded'",
                "item x: annotations[4]: field 'z_order'", "item x: annotations[4]: field 'colour'", "missing.png")) {
            assertTrue(w.stream().anyMatch(m -> m.contains(want)), () -> want + " not in " + w);
        }
        List<Annotation> got = items(labelme.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.COLLECT)))
                .get(0).annotations();
        assertEquals(1 + 1 + 2 + 1, got.size(), "rotated box and ellipse as polygons, 2 polygon parts, the box: " + got);
        assertEquals(got.get(2).info().groupId(), got.get(3).info().groupId(), "the parts of one polygon share a group");
        assertTrue(got.get(2).info().groupId().isPresent());
    }
}
