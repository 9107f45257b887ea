package dev.annota.formats.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.Cuboid2D;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Polyline;
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
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ShapesScenes;
import dev.annota.testkit.shapes.ShapeObject;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocRoundTripTest {
    final VocFormat voc = new VocFormat();

    /** Each visible object as a VOC object: a box (with colour and occluded) and its instance mask, grouped. */
    static List<Annotation> objects(LabelSchema schema, List<ShapeObject> objects) {
        List<Annotation> out = new ArrayList<>();
        int group = 1;
        for (ShapeObject o : objects) {
            LabelId label = schema.byName(o.className()).orElseThrow().id();
            AnnotationInfo info = AnnotationInfo.of(label).withGroup(group)
                    .withAttribute(ShapesItems.COLOUR, AttributeValue.of(o.colourName()))
                    .withAttribute(VocFormat.TRUNCATED, AttributeValue.of(o.truncated()))
                    .withOccluded(o.occlusion() > 0);
            out.add(new BoxAnnotation(info, o.mask().boundingBox()));
            out.add(new MaskAnnotation(AnnotationInfo.of(label).withGroup(group), ShapesScenes.exact(o.mask())));
            group++;
        }
        out.add(Tag.of(schema.byName("crowded").orElseThrow().id()));
        return out;
    }

    static Dataset roundTrip(Dataset original, Path out) throws IOException {
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        new VocFormat().writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        assertEquals("voc", Formats.standard().detect(out).format().name());
        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = new VocFormat().reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        return back;
    }

    static void assertSame(Dataset original, Dataset back) {
        assertEquals(original.schema().classes().stream().map(c -> c.id() + ":" + c.name()).toList(),
                back.schema().classes().stream().map(c -> c.id() + ":" + c.name()).toList());
        List<Item> before = ShapesScenes.items(original), after = ShapesScenes.items(back);
        assertEquals(before.stream().map(i -> i.subset() + "/" + i.id()).toList(), after.stream().map(i -> i.subset() + "/" + i.id()).toList());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).image().size(), after.get(i).image().size());
            assertTrue(Files.isRegularFile(Path.of(after.get(i).image().location())));
            assertEquals(AnnotationGroups.canonical(before.get(i).annotations()), AnnotationGroups.canonical(after.get(i).annotations()),
                    "item " + before.get(i).id());
        }
    }

    @Test
    void writes_shapes_objects_as_voc_and_reads_back_boxes_and_exact_instance_masks(@TempDir Path dir) throws IOException {
        Dataset original = ShapesScenes.dataset(dir.resolve("src"), 15, 11, VocRoundTripTest::objects);
        Dataset back = roundTrip(original, dir.resolve("voc"));
        assertSame(original, back);
        long masks = ShapesScenes.items(back).stream().flatMap(i -> i.annotations().stream()).filter(a -> a instanceof MaskAnnotation).count();
        assertTrue(masks > 30, "many instance masks expected, got " + masks);
    }

    @Test
    void keeps_pose_truncated_difficult_occluded_actions_parts_attributes_tags_and_subsets(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("cat", "person", "head", "hand", "dog");
        LabelId cat = LabelId.of(1), person = LabelId.of(2), head = LabelId.of(3), hand = LabelId.of(4), dog = LabelId.of(5);
        ImageSize size = new ImageSize(40, 30);
        Path a = dir.resolve("a.png"), b = dir.resolve("b.png");
        PalettePng.writeRgb(a, 40, 30, new int[1200]);
        PalettePng.writeRgb(b, 40, 30, new int[1200]);
        AnnotationInfo catInfo = AnnotationInfo.of(cat).withOccluded(true)
                .withAttribute("pose", AttributeValue.of("Left"))
                .withAttribute("truncated", AttributeValue.of(false))
                .withAttribute("difficult", AttributeValue.of(true))
                .withAttribute("score_note", AttributeValue.of("blurry"))
                .withAttribute("visible_parts", AttributeValue.of(3))
                .withAttribute("verified", AttributeValue.of(true));
        AnnotationInfo personInfo = AnnotationInfo.of(person).withGroup(7)
                .withAttribute("jumping", AttributeValue.of(true)).withAttribute("walking", AttributeValue.of(false));
        Item one = new Item("a", ImageRef.of(a.toString(), size), "train", List.of(
                new BoxAnnotation(catInfo, new PixelBox(1, 2, 10, 8)),
                new BoxAnnotation(personInfo, new PixelBox(12.5, 3, 20, 25)),
                new BoxAnnotation(AnnotationInfo.of(head).withGroup(7), new PixelBox(15, 3.5, 5, 5)),
                new BoxAnnotation(AnnotationInfo.of(hand).withGroup(7), new PixelBox(13, 10, 3, 3)),
                new MaskAnnotation(AnnotationInfo.of(person).withGroup(7), PolygonRasterizer.rasterize(new PixelBox(13, 4, 18, 20), size)),
                MaskAnnotation.of(dog, PolygonRasterizer.rasterize(new PixelBox(0, 20, 8, 8), size)),
                Tag.of(cat),
                new Tag(AnnotationInfo.of(dog).withAttribute("difficult", AttributeValue.of(true)))), Map.of());
        Item two = new Item("sub/b", ImageRef.of(b.toString(), size), "val", List.of(
                BoxAnnotation.of(dog, new PixelBox(0, 0, 40, 30)), Tag.of(dog)), Map.of());
        Dataset original = InMemoryDataset.of(schema, List.of(one, two));
        Dataset back = roundTrip(original, dir.resolve("voc"));
        assertSame(original, back);
        String xml = Files.readString(dir.resolve("voc/Annotations/a.xml"));
        assertTrue(xml.contains("<part>") && xml.contains("<actions>") && xml.contains("<occluded>1</occluded>"), xml);
        assertEquals(List.of("a  1", ""), List.of(Files.readString(dir.resolve("voc/ImageSets/Main/cat_train.txt")).split("\n", -1)));
        assertEquals("a  0\n", Files.readString(dir.resolve("voc/ImageSets/Main/dog_train.txt")));
        assertEquals("sub/b  1\n", Files.readString(dir.resolve("voc/ImageSets/Main/dog_val.txt")));
        assertEquals("sub/b -1\n", Files.readString(dir.resolve("voc/ImageSets/Main/cat_val.txt")));
    }

    @Test
    void reports_every_annotation_voc_cannot_hold_and_converts_the_rest_by_its_rules(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        LabelId t = LabelId.of(1);
        ImageSize size = new ImageSize(50, 40);
        Item item = Item.of("x", ImageRef.of(dir.resolve("missing.png").toString(), size), List.of(
                PolylineAnnotation.of(t, new Polyline(List.of(new Point(0, 0), new Point(5, 5)))),
                PointsAnnotation.of(t, List.of(new Point(1, 1))),
                KeypointsAnnotation.of(t, Keypoints.fromFlat(new double[] {1, 1, 2})),
                CuboidAnnotation.of(t, new Cuboid2D(
                        List.of(new Point(0, 0), new Point(0, 1), new Point(1, 0), new Point(1, 1)),
                        List.of(new Point(2, 2), new Point(2, 3), new Point(3, 2), new Point(3, 3)))),
                RotatedBoxAnnotation.of(t, new RotatedBox(20, 20, 10, 6, 30)),
                EllipseAnnotation.of(t, new Ellipse(30, 20, 5, 3, 0)),
                PolygonAnnotation.of(t, Polygon.of(List.of(new Point(2, 2), new Point(12, 2), new Point(12, 9)))),
                new BoxAnnotation(AnnotationInfo.of(t).withConfidence(0.9).withZOrder(2), new PixelBox(1, 1, 2, 2)),
                new Tag(AnnotationInfo.of(t).withAttribute("note", AttributeValue.of("x")))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        voc.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        for (String[] row : new String[][] {{"0", "polyline"}, {"1", "points"}, {"2", "keypoints"}, {"3", "cuboid"},
                {"4", "rotated_box"}, {"5", "ellipse"}, {"6", "polygon"}, {"7", "'confidence'"}, {"7", "'zOrder'"}, {"8", "'note'"}}) {
            assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[" + row[0] + "]") && m.contains(row[1])),
                    "annotations[" + row[0] + "] " + row[1] + " in " + w);
        }
        assertTrue(w.stream().anyMatch(m -> m.contains("missing.png")), w::toString);
        Dataset back = voc.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.COLLECT));
        List<Annotation> got = ShapesScenes.items(back).get(0).annotations();
        // rotated box, ellipse, polygon → boxes; the polygon also → its mask; the scored box; the tag
        assertEquals(List.of("box", "box", "box", "mask", "box", "tag"), got.stream().map(a -> a.kind().wireName()).toList());
        assertEquals(new RotatedBox(20, 20, 10, 6, 30).boundingBox(), ((BoxAnnotation) got.get(0)).box());
        assertEquals(PolygonRasterizer.rasterize(Polygon.of(List.of(new Point(2, 2), new Point(12, 2), new Point(12, 9))), size),
                ((MaskAnnotation) got.get(3)).mask());
    }
}
