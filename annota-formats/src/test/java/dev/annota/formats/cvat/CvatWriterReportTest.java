package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.MultiSelectAttribute;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.TextAttribute;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer lists everything CVAT cannot hold, naming the item and annotation, and converts by its rules. */
class CvatWriterReportTest {
    @Test
    void reports_what_cvat_cannot_hold_and_writes_the_rest(@TempDir Path dir) throws IOException {
        LabelSchema.Builder b = LabelSchema.builder();
        LabelId thing = b.add("thing", c -> c.withAttributes(List.of(
                new MultiSelectAttribute("tags", List.of("a", "b"), false, List.of()),
                new TextAttribute("note", 20, true, Optional.empty()),
                NumberAttribute.between("size", 0, 10))));
        LabelSchema schema = b.build();
        Polygon twoParts = new Polygon(List.of(
                List.of(new Point(0, 0), new Point(4, 0), new Point(0, 4)),
                List.of(new Point(10, 10), new Point(14, 10), new Point(10, 14))));
        List<Annotation> annotations = List.of(
                new BoxAnnotation(AnnotationInfo.of(thing).withConfidence(0.9).withSource(Source.model("yolox", "1")),
                        new PixelBox(1, 1, 2, 2)),
                new BoxAnnotation(AnnotationInfo.of(thing).withSource(Source.human("alice")), new PixelBox(1, 1, 2, 2)),
                new PolygonAnnotation(AnnotationInfo.of(thing), twoParts),
                new KeypointsAnnotation(AnnotationInfo.of(thing), new Keypoints(List.of(Keypoint.visible(1, 2), Keypoint.absent()))),
                new MaskAnnotation(AnnotationInfo.of(thing), Rle.empty(20, 20)),
                new BoxAnnotation(AnnotationInfo.of(thing).withAttribute("tags", AttributeValue.ofChoices(List.of("a", "b")))
                        .withAttribute("size", AttributeValue.of("big")), new PixelBox(0, 0, 1, 1)),
                BoxAnnotation.of(LabelId.of(99), new PixelBox(0, 0, 1, 1)));
        Item item = Item.of("x", ImageRef.of(dir.resolve("missing.png").toString(), new ImageSize(20, 20)), annotations);
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        new CvatFormat().writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);

        List<String> warnings = report.warnings().stream().map(Problem::message).toList();
        assertHas(warnings, "item x: annotations[0]", "confidence");
        assertHas(warnings, "item x: annotations[0]", "source.model");
        assertHas(warnings, "item x: annotations[1]", "source.user");
        assertHas(warnings, "item x: annotations[2]", "each part is written as its own <polygon>");
        assertHas(warnings, "item x: annotations[3]", "written as <points>");
        assertHas(warnings, "item x: annotations[4]", "empty mask");
        assertHas(warnings, "item x: annotations[5]", "multi-select");
        assertHas(warnings, "item x: annotations[5]", "field 'size'");
        assertHas(warnings, "class thing", "attributes.tags");
        assertHas(warnings, "class thing", "cannot be required");
        assertHas(warnings, "class thing", "length limit");
        assertHas(warnings, "item x", "missing.png");
        assertHas(report.errors().stream().map(Problem::message).toList(), "item x: annotations[6]", "field 'label'");

        Dataset back = new CvatFormat().reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.FAIL_FAST));
        List<Annotation> got;
        try (Stream<Item> items = back.items()) {
            got = items.toList().get(0).annotations();
        }
        // two boxes, two polygon parts (one group), the labelled keypoint as points, the box with its text tags
        assertEquals(List.of("box", "box", "polygon", "polygon", "points", "box"), got.stream().map(a -> a.kind().wireName()).toList());
        assertEquals(got.get(2).info().groupId(), got.get(3).info().groupId());
        assertTrue(got.get(2).info().groupId().isPresent());
        assertEquals(List.of(new Point(1, 2)), ((PointsAnnotation) got.get(4)).points());
        assertEquals(AttributeValue.of("a,b"), got.get(5).info().attributes().get("tags"));
        assertEquals(CvatFormat.AUTO, got.get(0).info().source());
        assertTrue(Files.exists(dir.resolve("out/annotations.xml")));
    }

    private static void assertHas(List<String> messages, String where, String what) {
        assertTrue(messages.stream().anyMatch(m -> m.contains(where) && m.contains(what)),
                () -> "no message with \"" + where + "\" and \"" + what + "\" in " + messages);
    }
}
