package dev.annota.formats.cvat;

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
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Polyline;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.Skeleton;
import dev.annota.core.schema.TextAttribute;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind CVAT holds goes through the writer and the reader unchanged. */
class CvatRoundTripTest {
    final CvatFormat cvat = new CvatFormat();

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    static LabelSchema schema() {
        LabelSchema.Builder b = LabelSchema.builder();
        b.add("car", c -> c.withAttributes(List.of(
                new SelectAttribute("model", List.of("sedan", "estate car"), false, Optional.of("sedan")),
                new CheckboxAttribute("parked", false, true),
                NumberAttribute.integerBetween("doors", 2, 5),
                new NumberAttribute("speed", OptionalDouble.empty(), OptionalDouble.empty(), false, false, OptionalDouble.of(1.5)),
                new TextAttribute("plate", TextAttribute.DEFAULT_MAX_LENGTH, false, Optional.of("none")))));
        b.add("person", c -> c.withKinds(EnumSet.of(AnnotationKind.KEYPOINTS))
                .withSkeleton(Skeleton.of(List.of("head", "left hand", "right hand"), new int[] {0, 1}, new int[] {0, 2})));
        b.add("road sign", c -> c.withKinds(EnumSet.of(AnnotationKind.BOX, AnnotationKind.ROTATED_BOX)).withColour("#12AB34"));
        b.add("thing");
        return b.build();
    }

    static Path png(Path dir, String name, int w, int h) throws IOException {
        Files.createDirectories(dir);
        Path p = dir.resolve(name);
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", p.toFile());
        return p;
    }

    static Rle mask(int w, int h) {
        boolean[] bits = new boolean[w * h];
        for (int y = 10; y < 30; y++) {
            for (int x = 5 + y % 3; x < 40; x++) {
                bits[y * w + x] = true;
            }
        }
        bits[79 * w + 99] = true; // the bottom-right pixel
        return Rle.fromBitmap(bits, h, w);
    }

    @Test
    void writes_and_reads_back_one_of_every_kind_with_attributes_groups_and_sources(@TempDir Path dir) throws IOException {
        LabelSchema schema = schema();
        LabelId car = schema.byName("car").orElseThrow().id();
        LabelId person = schema.byName("person").orElseThrow().id();
        LabelId sign = schema.byName("road sign").orElseThrow().id();
        LabelId thing = schema.byName("thing").orElseThrow().id();
        Path src = dir.resolve("src");
        ImageRef a = new ImageRef(png(src, "a.png", 100, 80).toString(), Optional.of(new ImageSize(100, 80)), Optional.empty());
        ImageRef b = ImageRef.of(png(src.resolve("sub"), "b.jpg.png", 64, 48).toString(), new ImageSize(64, 48));

        AnnotationInfo carInfo = AnnotationInfo.of(car)
                .withAttribute("model", AttributeValue.of("estate car"))
                .withAttribute("parked", AttributeValue.of(false))
                .withAttribute("doors", AttributeValue.of(4))
                .withAttribute("speed", AttributeValue.of(12.25))
                .withAttribute("plate", AttributeValue.of("  AB <12> & \"x\"  "))
                .withOccluded(true).withZOrder(-3).withGroup(7);
        List<Annotation> first = List.of(
                new BoxAnnotation(carInfo, new PixelBox(1.5, 2, 30.25, 20)),
                new RotatedBoxAnnotation(AnnotationInfo.of(sign).withGroup(7), new RotatedBox(50, 40, 20, 10, 30)),
                new RotatedBoxAnnotation(AnnotationInfo.of(sign), new RotatedBox(20, 20, 8, 4, 0)),
                new PolygonAnnotation(AnnotationInfo.of(thing).withSource(CvatFormat.AUTO).withGroup(9),
                        Polygon.of(List.of(new Point(0, 0), new Point(10, 0.125), new Point(5, 8)))),
                new PolylineAnnotation(AnnotationInfo.of(thing).withSource(CvatFormat.SEMI_AUTO).withZOrder(4),
                        new Polyline(List.of(new Point(1, 1), new Point(99, 79), new Point(50, 3)))),
                new PointsAnnotation(AnnotationInfo.of(thing).withOccluded(true), List.of(new Point(3, 4), new Point(0.001, 1e-4))),
                new KeypointsAnnotation(AnnotationInfo.of(person).withGroup(9).withOccluded(true), new Keypoints(List.of(
                        Keypoint.visible(10, 10), Keypoint.occluded(12, 20), new Keypoint(new Point(3, 3), Visibility.ABSENT)))),
                new MaskAnnotation(AnnotationInfo.of(thing).withZOrder(1), mask(100, 80)),
                new CuboidAnnotation(AnnotationInfo.of(thing), new Cuboid2D(
                        List.of(new Point(10, 10), new Point(10, 30), new Point(30, 10), new Point(30, 30)),
                        List.of(new Point(15, 5), new Point(15, 25), new Point(35, 5), new Point(35, 25)))),
                new EllipseAnnotation(AnnotationInfo.of(thing), new Ellipse(40, 30, 12.5, 6, 15)),
                new EllipseAnnotation(AnnotationInfo.of(thing), new Ellipse(10, 10, 3, 3, 0)),
                new Tag(AnnotationInfo.of(car).withAttribute("parked", AttributeValue.of(true)).withGroup(3)));
        List<Annotation> second = List.of(
                Tag.of(thing),
                BoxAnnotation.of(car, new PixelBox(0, 0, 64, 48)));
        Item itemA = new Item("a", a, Item.DEFAULT_SUBSET, first, Map.of());
        Item itemB = new Item("sub/b.jpg", b, "val", second, Map.of());
        Item empty = new Item("c", ImageRef.of(png(src, "c.png", 5, 5).toString(), new ImageSize(5, 5)), Item.DEFAULT_SUBSET, List.of(), Map.of());
        Dataset original = InMemoryDataset.of(schema, List.of(itemA, itemB, empty));

        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        cvat.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), () -> written.problems().toString());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("annotations.xml", "images"), files.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no partial file may be left behind");
        }
        assertTrue(Files.isRegularFile(out.resolve("images/a.png")));
        assertTrue(Files.isRegularFile(out.resolve("images/sub/b.jpg.png")));

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = cvat.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), () -> read.problems().toString());
        assertEquals(schema.classes(), back.schema().classes());

        List<Item> before = items(original), after = items(back);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            Item x = before.get(i), y = after.get(i);
            assertEquals(x.id(), y.id());
            assertEquals(x.subset(), y.subset());
            assertEquals(x.image().size(), y.image().size());
            assertTrue(Files.isRegularFile(Path.of(y.image().location())), y.image().location());
            assertEquals(AnnotationGroups.canonical(x.annotations()), AnnotationGroups.canonical(y.annotations()), "item " + x.id());
            assertEquals(x.annotations().stream().map(Annotation::kind).toList(),
                    y.annotations().stream().map(Annotation::kind).toList(), "the order of the annotations is kept");
        }
    }

    @Test
    void declares_the_attributes_the_schema_lacks_so_their_types_survive(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        LabelId thing = schema.classes().get(0).id();
        Item item = Item.of("x", ImageRef.of("x.png", new ImageSize(10, 10)), List.of(
                new BoxAnnotation(AnnotationInfo.of(thing).withAttribute("score2", AttributeValue.of(0.5))
                        .withAttribute("checked", AttributeValue.of(true)).withAttribute("note", AttributeValue.of("hi")),
                        new PixelBox(1, 1, 2, 2))));
        ImportReport written = new ImportReport(ErrorPolicy.COLLECT);
        cvat.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir, written);
        Dataset back = cvat.reader().orElseThrow().read(dir.resolve("annotations.xml"), new ImportReport(ErrorPolicy.FAIL_FAST));
        assertEquals(List.of("checked", "note", "score2"),
                back.schema().classes().get(0).attributes().stream().map(a -> a.name()).toList());
        assertEquals(item.annotations(), items(back).get(0).annotations());
    }
}
