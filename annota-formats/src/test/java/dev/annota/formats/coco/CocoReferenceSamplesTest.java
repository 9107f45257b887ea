package dev.annota.formats.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the COCO files Datumaro wrote (../shared/reference/formats/coco) and checks what expected.json lists. */
class CocoReferenceSamplesTest {
    static Path sample(String name) {
        Optional<Path> p = SharedData.resolve("reference/formats/coco/" + name + "/data");
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        return p.get();
    }

    static List<Item> items(Dataset d) {
        try (var s = d.items()) {
            return s.toList();
        }
    }

    static Item item(List<Item> items, String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no item " + id));
    }

    static String label(Dataset d, Annotation a) {
        return d.schema().get(a.label()).map(LabelClass::name).orElseThrow();
    }

    @Test
    void reads_the_datumaro_instances_sample_with_every_value_expected() throws IOException {
        Path data = sample("instances_datumaro");
        assertEquals("coco", Formats.standard().detect(data).format().name());
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new CocoFormat().reader().orElseThrow().read(data, report);
        assertTrue(report.isClean(), () -> report.problems().toString());

        assertEquals(List.of("1:a", "2:b", "4:c"),
                d.schema().classes().stream().map(c -> c.id() + ":" + c.name()).toList());
        List<Item> items = items(d);
        assertEquals(2, items.size());
        Item a = item(items, "a");
        Item b = item(items, "b");
        assertEquals("train", a.subset());
        assertEquals("val", b.subset());
        assertEquals(Optional.of(new ImageSize(10, 5)), a.image().size());
        assertEquals(Optional.of(new ImageSize(5, 10)), b.image().size());

        BoxAnnotation box = (BoxAnnotation) a.annotations().get(0);
        assertEquals("b", label(d, box));
        assertEquals(new PixelBox(2, 2, 3, 1), box.box());

        PolygonAnnotation poly = (PolygonAnnotation) b.annotations().stream()
                .filter(x -> x instanceof PolygonAnnotation).findFirst().orElseThrow();
        assertEquals("a", label(d, poly));
        assertEquals(1, poly.polygon().parts().size());
        assertEquals(4, poly.polygon().parts().get(0).size());
        assertEquals(0.0, poly.polygon().toFlat().get(0)[0]);
        assertEquals(1.0, poly.polygon().toFlat().get(0)[2]);
        assertEquals(AttributeValue.of(1.0), poly.info().attributes().get("x"));
        assertEquals(AttributeValue.of("hello"), poly.info().attributes().get("y"));

        MaskAnnotation mask = (MaskAnnotation) b.annotations().stream()
                .filter(x -> x instanceof MaskAnnotation).findFirst().orElseThrow();
        assertEquals("b", label(d, mask));
        assertEquals(20, mask.mask().area());
        assertEquals(10, mask.mask().height());
        assertEquals(5, mask.mask().width());
        assertEquals(AttributeValue.of(true), mask.info().attributes().get(CocoAttributes.ISCROWD));
    }

    @Test
    void reads_the_datumaro_person_keypoints_sample_with_its_counts_and_keypoints() throws IOException {
        Path data = sample("person_keypoints_datumaro");
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CocoFormat().reader().orElseThrow().read(data, report);
        List<Item> items = items(d);
        assertEquals(2, items.size());
        var counts = items.stream().flatMap(i -> i.annotations().stream())
                .collect(Collectors.groupingBy(x -> x.kind().wireName(), Collectors.counting()));
        // expected.json: bbox 1, polygon 1, mask 1, keypoints 3
        assertEquals(1L, counts.get("box"));
        assertEquals(1L, counts.get("polygon"));
        assertEquals(1L, counts.get("mask"));
        assertEquals(3L, counts.get("keypoints"));
        KeypointsAnnotation first = (KeypointsAnnotation) item(items, "a").annotations().stream()
                .filter(x -> x instanceof KeypointsAnnotation).findFirst().orElseThrow();
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0, 2.0, 1.0, 4.0, 1.0, 2.0),
                java.util.Arrays.stream(first.keypoints().toFlat()).boxed().toList());
        assertEquals(2, first.keypoints().labelledCount());
        // the box and the keypoints of one record are one object
        Annotation boxOfA = item(items, "a").annotations().get(0);
        assertEquals(boxOfA.info().groupId(), first.info().groupId());
        assertTrue(boxOfA.info().groupId().isPresent());
        // the categories carry a skeleton but no point names: kept as plain classes, no crash
        assertEquals(List.of("a", "b"), d.schema().classes().stream().map(LabelClass::name).toList());
    }
}
