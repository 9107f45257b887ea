package dev.annota.formats.yolo;

import static dev.annota.formats.yolo.YoloTestData.assertSameAnnotations;
import static dev.annota.formats.yolo.YoloTestData.items;
import static dev.annota.formats.yolo.YoloTestData.png;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
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
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The darknet layout: a lossless round trip of boxes, and the report of what it cannot hold. */
class DarknetRoundTripTest {
    final YoloFormat format = new YoloFormat();

    @Test
    void writes_boxes_in_several_subsets_and_reads_them_back_within_a_millionth_of_a_pixel(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("cat", "dog", "bird");
        LabelId cat = LabelId.of(1), dog = LabelId.of(2), bird = LabelId.of(3);
        Item a = new Item("a", ImageRef.of(png(dir.resolve("src/a.png"), 123, 77).toString(), new ImageSize(123, 77)), "train",
                List.of(BoxAnnotation.of(cat, new PixelBox(1.1, 2.2, 30.33, 40.44)), BoxAnnotation.of(bird, new PixelBox(0, 0, 123, 77))), Map.of());
        Item b = new Item("sub/b", ImageRef.of(png(dir.resolve("src/b.png"), 800, 600).toString(), new ImageSize(800, 600)), "valid",
                List.of(BoxAnnotation.of(dog, new PixelBox(799.5, 0.25, 0.5, 599.75))), Map.of());
        Item c = new Item("c", ImageRef.of(png(dir.resolve("src/c.png"), 10, 10).toString(), new ImageSize(10, 10)), "train", List.of(), Map.of());
        Dataset original = InMemoryDataset.of(schema, List.of(a, b, c));

        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        assertEquals("classes = 3\ntrain = data/train.txt\nvalid = data/valid.txt\nnames = data/obj.names\nbackup = backup/\n",
                Files.readString(out.resolve("obj.data")));
        assertEquals("data/obj_train_data/a.png\ndata/obj_train_data/c.png\n", Files.readString(out.resolve("train.txt")));
        assertEquals("yolo", Formats.standard().detect(out).format().name());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        assertEquals(List.of("cat", "dog", "bird"), back.schema().classes().stream().map(LabelClass::name).toList());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.stream().map(i -> i.subset() + ":" + i.id() + ":" + i.image().size()).sorted().toList(),
                after.stream().map(i -> i.subset() + ":" + i.id() + ":" + i.image().size()).sorted().toList());
        for (Item e : before) {
            Item got = after.stream().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow();
            assertSameAnnotations(e.annotations(), got.annotations(), 1e-6, "item " + e.id());
        }
    }

    @Test
    void converts_shapes_to_bounding_boxes_and_reports_everything_it_cannot_hold(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        LabelId t = LabelId.of(1);
        AnnotationInfo rich = AnnotationInfo.of(t).withAttribute("colour", AttributeValue.of("red")).withOccluded(true);
        List<Annotation> all = List.of(
                new BoxAnnotation(rich, new PixelBox(1, 2, 3, 4)),
                Tag.of(t),
                PolygonAnnotation.of(t, Polygon.of(List.of(new Point(10, 10), new Point(20, 10), new Point(15, 30)))),
                RotatedBoxAnnotation.of(t, new RotatedBox(50, 40, 20, 10, 90)),
                EllipseAnnotation.of(t, new Ellipse(50, 50, 10, 5, 0)),
                PolylineAnnotation.of(t, new Polyline(List.of(new Point(0, 0), new Point(5, 5)))),
                PointsAnnotation.of(t, List.of(new Point(1, 1))),
                CuboidAnnotation.of(t, new Cuboid2D(
                        List.of(new Point(0, 0), new Point(0, 1), new Point(1, 0), new Point(1, 1)),
                        List.of(new Point(2, 2), new Point(2, 3), new Point(3, 2), new Point(3, 3)))),
                MaskAnnotation.of(t, Rle.fromBitmap(new boolean[] {true, false, false, true}, 2, 2)),
                KeypointsAnnotation.of(t, new Keypoints(List.of(Keypoint.visible(3, 3)))),
                new BoxAnnotation(rich, new PixelBox(5, 5, 5, 5)));
        Item item = new Item("x", ImageRef.of(dir.resolve("missing.png").toString(), new ImageSize(100, 80)), "train", all, Map.of());
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        format.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);

        List<String> w = report.warnings().stream().map(Problem::message).toList();
        String[][] expected = {{"annotations[1]", "\"tag\""}, {"annotations[2]", "\"polygon\"", "bounding box"},
            {"annotations[3]", "\"rotated_box\"", "bounding box"}, {"annotations[4]", "\"ellipse\"", "bounding box"},
            {"annotations[5]", "\"polyline\""}, {"annotations[6]", "\"points\""}, {"annotations[7]", "\"cuboid\""},
            {"annotations[8]", "\"mask\""}, {"annotations[9]", "\"keypoints\""}};
        for (String[] e : expected) {
            assertTrue(w.stream().anyMatch(x -> x.contains("item x: " + e[0] + ": field 'kind'") && List.of(e).stream().skip(1).allMatch(x::contains)),
                    () -> String.join(" / ", e) + " in " + w);
        }
        assertTrue(w.stream().anyMatch(x -> x.contains("field 'attributes.colour'") && x.contains("2 annotations") && x.contains("items: x")), w::toString);
        assertTrue(w.stream().anyMatch(x -> x.contains("field 'occluded'") && x.contains("2 annotations")), w::toString);
        assertTrue(w.stream().anyMatch(x -> x.contains("missing.png")), "a missing source image is a warning");

        ImportReport read = new ImportReport(ErrorPolicy.COLLECT);
        Dataset back = format.reader().orElseThrow().read(dir.resolve("out"), read);
        Item missing = items(back).get(0);
        assertTrue(missing.image().size().isEmpty() && missing.annotations().isEmpty(), "no size, so the labels cannot be converted");
        assertTrue(read.warnings().stream().anyMatch(p -> p.message().contains("train.txt:1: field 'image'")
                && p.message().contains("the 5 objects of obj_train_data/x.txt are not read")), read.problems()::toString);
        List<String> lines = Files.readAllLines(dir.resolve("out/obj_train_data/x.txt"));
        assertEquals(5, lines.size(), "2 boxes + polygon, rotated box and ellipse as boxes: " + lines);
        assertEquals("0 0.5 0.5 0.1 0.25", lines.get(2).replaceAll("(\\d)0+( |$)", "$1$2"), "rotated box 20x10 at 90° → box 10x20");
    }
}
