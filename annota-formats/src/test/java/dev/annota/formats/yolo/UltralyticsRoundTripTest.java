package dev.annota.formats.yolo;

import static dev.annota.formats.yolo.YoloTestData.assertSameAnnotations;
import static dev.annota.formats.yolo.YoloTestData.items;
import static dev.annota.formats.yolo.YoloTestData.png;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Skeleton;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes datasets in the Ultralytics layout and reads them back. */
class UltralyticsRoundTripTest {
    final UltralyticsFormat format = new UltralyticsFormat();

    static LabelSchema schema() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("person", c -> c.withSkeleton(Skeleton.of(List.of("head", "left", "right"), new int[] {0, 1}, new int[] {0, 2})));
        b.add("car");
        b.add("boat");
        return b.build();
    }

    /** Everything the layout holds: boxes, oriented boxes, polygons and pose (box + keypoints in a group). */
    static Dataset dataset(Path images) {
        LabelSchema schema = schema();
        LabelId person = schema.byName("person").orElseThrow().id();
        LabelId car = schema.byName("car").orElseThrow().id();
        LabelId boat = schema.byName("boat").orElseThrow().id();
        AnnotationInfo pose = AnnotationInfo.of(person).withGroup(7);
        List<Annotation> first = List.of(
                BoxAnnotation.of(car, new PixelBox(10.25, 20.5, 33.3333, 12.125)),
                new BoxAnnotation(pose, new PixelBox(50, 40, 30, 60)),
                new KeypointsAnnotation(pose, new Keypoints(List.of(Keypoint.visible(60.5, 45.25),
                        Keypoint.occluded(55, 70), Keypoint.absent()))),
                RotatedBoxAnnotation.of(boat, new RotatedBox(120.7, 80.3, 40.1, 20.9, 33.3)),
                RotatedBoxAnnotation.of(boat, new RotatedBox(100, 100, 10, 30, -120)),
                PolygonAnnotation.of(car, Polygon.of(List.of(new Point(1, 1), new Point(30.5, 2), new Point(25, 40.75),
                        new Point(3, 35), new Point(2, 20)))),
                PolygonAnnotation.of(boat, Polygon.of(List.of(new Point(150, 10), new Point(190, 12), new Point(170, 50)))),
                // a 4-point polygon that is no rectangle stays a polygon
                PolygonAnnotation.of(car, Polygon.of(List.of(new Point(10, 100), new Point(40, 100), new Point(50, 130), new Point(5, 125)))));
        Item a = new Item("a", ImageRef.of(png(images.resolve("a.png"), 200, 150).toString(), new ImageSize(200, 150)),
                "train", first, Map.of());
        Item b = new Item("nested/b", ImageRef.of(png(images.resolve("b.jpg"), 640, 480).toString(), new ImageSize(640, 480)),
                "val", List.of(BoxAnnotation.of(boat, new PixelBox(0, 0, 640, 480))), Map.of());
        Item c = new Item("c", ImageRef.of(png(images.resolve("c.png"), 31, 17).toString(), new ImageSize(31, 17)),
                "train", List.of(), Map.of());
        return InMemoryDataset.of(schema, List.of(a, b, c));
    }

    @Test
    void writes_boxes_oriented_boxes_polygons_and_poses_and_reads_them_back_within_a_millionth_of_a_pixel(@TempDir Path dir)
            throws IOException {
        Dataset original = dataset(dir.resolve("src"));
        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        assertTrue(Files.isRegularFile(out.resolve("images/train/a.png")));
        assertTrue(Files.isRegularFile(out.resolve("labels/val/nested/b.txt")));
        assertEquals("", Files.readString(out.resolve("labels/train/c.txt")), "an image without objects has an empty label file");
        assertEquals("ultralytics", Formats.standard().detect(out).format().name());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        assertEquals(original.schema().classes().stream().map(LabelClass::name).toList(),
                back.schema().classes().stream().map(LabelClass::name).toList());
        assertEquals(original.schema().classes().stream().map(LabelClass::id).toList(),
                back.schema().classes().stream().map(LabelClass::id).toList());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.stream().map(i -> i.subset() + ":" + i.id() + ":" + i.image().size()).sorted().toList(),
                after.stream().map(i -> i.subset() + ":" + i.id() + ":" + i.image().size()).sorted().toList());
        for (Item b : before) {
            Item a = after.stream().filter(x -> x.id().equals(b.id())).findFirst().orElseThrow();
            assertSameAnnotations(b.annotations(), a.annotations(), 1e-6, "item " + b.id());
        }
    }

    @Test
    void computes_an_oriented_box_exactly_from_its_corners_in_either_direction() {
        RotatedBox box = new RotatedBox(120.7, 80.3, 40.1, 20.9, 33.3);
        List<Point> c = box.corners();
        RotatedBox clockwise = LabelLines.rotatedBox(c).orElseThrow();
        assertEquals(box.cx(), clockwise.cx(), 1e-9);
        assertEquals(box.cy(), clockwise.cy(), 1e-9);
        assertEquals(box.width(), clockwise.width(), 1e-9);
        assertEquals(box.height(), clockwise.height(), 1e-9);
        assertEquals(box.angleDegrees(), clockwise.angleDegrees(), 1e-9);
        RotatedBox counter = LabelLines.rotatedBox(List.of(c.get(0), c.get(3), c.get(2), c.get(1))).orElseThrow();
        assertEquals(clockwise.toPolygon().area(), counter.toPolygon().area(), 1e-9);
        assertEquals(clockwise.cx(), counter.cx(), 1e-9);
        assertEquals(rounded(c), rounded(counter.corners()), "the same four corners");
        assertTrue(LabelLines.rotatedBox(List.of(new Point(0, 0), new Point(4, 0), new Point(5, 3), new Point(0, 3))).isEmpty(),
                "a quadrilateral that is no rectangle is not an oriented box");
    }

    private static List<String> rounded(List<Point> points) {
        return points.stream().map(p -> String.format(java.util.Locale.ROOT, "%.6f,%.6f", p.x(), p.y())).sorted().toList();
    }

    @Test
    void writes_shapes_scenes_as_segments_and_poses_and_reports_masks_tags_and_attributes(@TempDir Path dir) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 11, 12);
        Path source = dir.resolve("source");
        shapes.writePngs(source, i -> { });
        Dataset original = ShapesItems.dataset(shapes, source);
        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.COLLECT);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.errors().isEmpty(), () -> written.errors().toString());
        List<String> warnings = written.warnings().stream().map(Problem::message).toList();
        long masks = 0, polygons = 0, keypoints = 0, tags = 0;
        for (Item i : items(original)) {
            for (Annotation a : i.annotations()) {
                masks += a instanceof MaskAnnotation ? 1 : 0;
                polygons += a instanceof PolygonAnnotation ? 1 : 0;
                keypoints += a instanceof KeypointsAnnotation ? 1 : 0;
                tags += a instanceof dev.annota.core.annotation.Tag ? 1 : 0;
            }
        }
        assertTrue(masks > 0 && polygons > 0 && keypoints > 0 && tags > 0);
        assertEquals(masks, warnings.stream().filter(w -> w.contains("field 'kind'") && w.contains("\"mask\"")).count(), warnings::toString);
        assertEquals(tags, warnings.stream().filter(w -> w.contains("field 'kind'") && w.contains("\"tag\"")).count());
        assertEquals(1, warnings.stream().filter(w -> w.contains("field 'attributes.colour'")).count(), "once per attribute name");

        Dataset back = format.reader().orElseThrow().read(out, new ImportReport(ErrorPolicy.FAIL_FAST));
        long readPolygons = 0, readKeypoints = 0, readBoxes = 0;
        for (Item i : items(back)) {
            for (Annotation a : i.annotations()) {
                readPolygons += a instanceof PolygonAnnotation ? 1 : 0;
                readKeypoints += a instanceof KeypointsAnnotation ? 1 : 0;
                readBoxes += a instanceof BoxAnnotation ? 1 : 0;
            }
        }
        assertEquals(polygons, readPolygons);
        assertEquals(keypoints, readKeypoints);
        assertEquals(keypoints, readBoxes, "each pose line brings its box");
    }
}
