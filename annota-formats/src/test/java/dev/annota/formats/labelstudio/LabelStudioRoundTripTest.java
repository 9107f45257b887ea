package dev.annota.formats.labelstudio;

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
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
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
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelStudioRoundTripTest {
    final LabelStudioFormat ls = new LabelStudioFormat();

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    /** Shapes scenes without what Label Studio cannot hold: groups and keypoints (skeletons). */
    static Dataset shapesWithoutGroupsOrKeypoints(Path images, int count) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 11, count);
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
                kept.add(a.withInfo(new AnnotationInfo(i.label(), i.attributes(), i.source(), i.confidence(), false, 0, OptionalInt.empty())));
            }
            out.add(it.withAnnotations(kept).withMetadata(Map.of()));
        }
        return InMemoryDataset.of(full.schema(), out);
    }

    static Dataset everyKind(Path images) throws IOException {
        LabelSchema schema = LabelSchema.of("car", "person", "sky", "road");
        LabelId car = schema.classes().get(0).id(), person = schema.classes().get(1).id();
        LabelId sky = schema.classes().get(2).id(), road = schema.classes().get(3).id();
        ImageSize size = new ImageSize(200, 150);
        Files.createDirectories(images);
        Path png = images.resolve("street.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(200, 150, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        boolean[] bitmap = new boolean[200 * 150];
        for (int y = 10; y < 60; y++) {
            for (int x = 30 + y % 7; x < 90; x++) {
                bitmap[y * 200 + x] = true;
            }
        }
        Source alice = Source.human("alice"), seven = Source.human("7"), model = Source.model("yolox-nano", "2024-05-01");
        List<Annotation> anns = List.of(
                new BoxAnnotation(AnnotationInfo.of(car).withSource(alice)
                        .withAttribute("colour", AttributeValue.of("red"))
                        .withAttribute("doors", AttributeValue.of(4))
                        .withAttribute("features", AttributeValue.ofChoices(List.of("roof rack", "tow bar"))), new PixelBox(10.5, 20.25, 40, 30)),
                new RotatedBoxAnnotation(AnnotationInfo.of(car).withSource(alice), new RotatedBox(100, 75, 40, 20, 30)),
                new RotatedBoxAnnotation(AnnotationInfo.of(person).withSource(seven), new RotatedBox(50.5, 60.75, 12, 33, -115.5)),
                new PolygonAnnotation(AnnotationInfo.of(person).withSource(seven), Polygon.of(List.of(new Point(1, 2), new Point(50, 3.5), new Point(25, 40)))),
                new PolylineAnnotation(AnnotationInfo.of(road).withSource(seven), new Polyline(List.of(new Point(0, 149), new Point(100, 100), new Point(199, 149)))),
                new PointsAnnotation(AnnotationInfo.of(person).withSource(alice), List.of(new Point(33, 44))),
                new EllipseAnnotation(AnnotationInfo.of(car).withSource(alice), new Ellipse(120, 80, 15, 7.5, 20)),
                new MaskAnnotation(AnnotationInfo.of(sky).withSource(alice), dev.annota.core.geometry.Rle.fromBitmap(bitmap, 150, 200)),
                new Tag(AnnotationInfo.of(sky).withSource(alice)),
                new BoxAnnotation(AnnotationInfo.predicted(car, (Source.Model) model, 0.875), new PixelBox(11, 21, 39, 29)),
                new Tag(AnnotationInfo.predicted(road, (Source.Model) model, 0.25)),
                new MaskAnnotation(AnnotationInfo.predicted(sky, (Source.Model) model, 0.5), dev.annota.core.geometry.Rle.fromBitmap(bitmap, 150, 200)));
        Item item = new Item("street", ImageRef.of(png.toString(), size), Item.DEFAULT_SUBSET, anns, Map.of());
        return InMemoryDataset.of(schema, List.of(item));
    }

    @Test
    void writes_every_kind_it_holds_and_reads_back_annotators_predictions_and_attributes_unchanged(@TempDir Path dir) throws IOException {
        Dataset original = everyKind(dir.resolve("source"));
        Path out = dir.resolve("ls");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        ls.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        assertTrue(Files.isRegularFile(out.resolve("images/street.png")));
        assertTrue(Files.isRegularFile(out.resolve("label_config.xml")));

        JsonNode export = new ObjectMapper().readTree(out.resolve("export.json").toFile());
        JsonNode task = export.get(0);
        assertEquals("/data/local-files/?d=images/street.png", task.get("data").get("image").asText());
        assertEquals(2, task.get("annotations").size(), "one annotation per annotator");
        assertEquals(1, task.get("predictions").size(), "one prediction per model");
        assertEquals("yolox-nano@2024-05-01", task.get("predictions").get(0).get("model_version").asText());
        assertEquals(7, task.get("annotations").get(1).get("completed_by").asInt());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = ls.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        assertEquals(List.of("car", "person", "sky", "road"), back.schema().classes().stream().map(c -> c.name()).toList());
        Item before = items(original).get(0), after = items(back).get(0);
        assertEquals("street", after.id());
        assertEquals(before.image().size(), after.image().size());
        assertEquals(AnnotationGroups.canonical(before.annotations()), AnnotationGroups.canonical(after.annotations()));
    }

    @Test
    void writes_shapes_scenes_and_reads_back_every_polygon_mask_and_tag_unchanged(@TempDir Path dir) throws IOException {
        Dataset original = shapesWithoutGroupsOrKeypoints(dir.resolve("source"), 12);
        Path out = dir.resolve("ls");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        ls.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = ls.reader().orElseThrow().read(out.resolve("export.json"), read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.size(), after.size());
        long masks = 0;
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).id(), after.get(i).id());
            List<String> b = AnnotationGroups.canonical(before.get(i).annotations());
            List<String> a = AnnotationGroups.canonical(after.get(i).annotations());
            assertEquals(b.size(), a.size(), "item " + before.get(i).id());
            masks += before.get(i).annotations().stream().filter(x -> x instanceof MaskAnnotation).count();
            for (int k = 0; k < before.get(i).annotations().size(); k++) {
                Annotation x = before.get(i).annotations().get(k), y = after.get(i).annotations().get(k);
                assertEquals(x.kind(), y.kind());
                if (x instanceof PolygonAnnotation p) {
                    List<Point> pb = p.polygon().parts().get(0), pa = ((PolygonAnnotation) y).polygon().parts().get(0);
                    for (int n = 0; n < pb.size(); n++) {
                        assertEquals(pb.get(n).x(), pa.get(n).x(), 1e-9);
                        assertEquals(pb.get(n).y(), pa.get(n).y(), 1e-9);
                    }
                } else {
                    assertEquals(x, y, "masks and tags come back exactly");
                }
            }
        }
        assertTrue(masks > 3, "the scenes should hold masks, got " + masks);
    }

    @Test
    void goes_through_coco_and_back_keeping_boxes_polygons_masks_and_scores(@TempDir Path dir) throws IOException {
        Dataset original = everyKind(dir.resolve("source"));
        Path ls1 = dir.resolve("ls1");
        ls.writer().orElseThrow().write(original, ls1, new ImportReport(ErrorPolicy.COLLECT));
        Dataset fromLs = ls.reader().orElseThrow().read(ls1, new ImportReport(ErrorPolicy.FAIL_FAST));
        var coco = Formats.standard().get("coco");
        ImportReport toCoco = new ImportReport(ErrorPolicy.COLLECT);
        coco.writer().orElseThrow().write(fromLs, dir.resolve("coco"), toCoco);
        Dataset fromCoco = coco.reader().orElseThrow().read(dir.resolve("coco"), new ImportReport(ErrorPolicy.COLLECT));
        Path ls2 = dir.resolve("ls2");
        ls.writer().orElseThrow().write(fromCoco, ls2, new ImportReport(ErrorPolicy.COLLECT));
        Dataset back = ls.reader().orElseThrow().read(ls2, new ImportReport(ErrorPolicy.FAIL_FAST));

        List<Annotation> got = items(back).get(0).annotations();
        List<Annotation> before = items(original).get(0).annotations();
        // COCO keeps boxes, polygons, masks, tags and scores, but not who made them nor rotated boxes, polylines, points, ellipses
        assertTrue(got.stream().anyMatch(a -> a instanceof BoxAnnotation b && b.box().equals(new PixelBox(10.5, 20.25, 40, 30))), got::toString);
        assertTrue(got.stream().anyMatch(a -> a instanceof BoxAnnotation b && b.box().equals(new PixelBox(11, 21, 39, 29))
                && b.info().confidence().equals(java.util.OptionalDouble.of(0.875))), got::toString);
        assertEquals(before.stream().filter(a -> a instanceof MaskAnnotation).map(a -> ((MaskAnnotation) a).mask()).toList(),
                got.stream().filter(a -> a instanceof MaskAnnotation).map(a -> ((MaskAnnotation) a).mask()).toList());
        assertTrue(got.stream().anyMatch(a -> a instanceof PolygonAnnotation p && p.polygon().parts().get(0).size() == 3));
        assertEquals(2, got.stream().filter(a -> a instanceof Tag).count());
        assertFalse(toCoco.warnings().isEmpty(), "COCO reports what it cannot hold");
    }

    @Test
    void reports_every_annotation_label_studio_cannot_hold_as_it_is(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        LabelId label = schema.classes().get(0).id();
        ImageRef image = ImageRef.of(dir.resolve("missing.png").toString(), new ImageSize(100, 80));
        Item item = Item.of("x", image, List.of(
                CuboidAnnotation.of(label, new Cuboid2D(
                        List.of(new Point(0, 0), new Point(0, 1), new Point(1, 0), new Point(1, 1)),
                        List.of(new Point(2, 2), new Point(2, 3), new Point(3, 2), new Point(3, 3)))),
                KeypointsAnnotation.of(label, new Keypoints(List.of(new Keypoint(new Point(1, 1), Visibility.VISIBLE)))),
                PointsAnnotation.of(label, List.of(new Point(1, 1), new Point(2, 2))),
                PolygonAnnotation.of(label, new Polygon(List.of(
                        List.of(new Point(0, 0), new Point(5, 0), new Point(0, 5)),
                        List.of(new Point(10, 10), new Point(15, 10), new Point(10, 15))))),
                new BoxAnnotation(AnnotationInfo.of(label).withOccluded(true).withZOrder(2).withGroup(1)
                        .withAttribute("parked", AttributeValue.of(true)), new PixelBox(1, 1, 2, 2)),
                RotatedBoxAnnotation.of(label, new RotatedBox(50, 40, 20, 10, 0))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        ls.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        for (String want : List.of("item x: annotations[0]: field 'kind'", "item x: annotations[1]: field 'kind'",
                "item x: annotations[2]: field 'points'", "item x: annotations[3]: field 'polygon'",
                "item x: annotations[4]: field 'occluded'", "item x: annotations[4]: field 'z_order'",
                "item x: annotations[4]: field 'group'", "item x: annotations[4]: field 'parked'",
                "item x: annotations[5]: field 'kind'", "missing.png")) {
            assertTrue(w.stream().anyMatch(m -> m.contains(want)), () -> want + " not in " + w);
        }
        Dataset back = ls.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.COLLECT));
        List<Annotation> got = items(back).get(0).annotations();
        assertEquals(1 + 2 + 2 + 1 + 1, got.size(), "keypoint, 2 points, 2 polygon parts, box, rotated box as box: " + got);
    }
}
