package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeSpec;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.CheckboxAttribute;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.NumberAttribute;
import dev.annota.core.schema.SelectAttribute;
import dev.annota.core.schema.TextAttribute;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads the CVAT for images 1.1 task export from Datumaro's tests (../shared/reference/formats/cvat) and checks
 * what its expected.json lists: images and real sizes, labels with attributes, counts per direct child of
 * {@code <image>}, every {@code checks} value, and its quirks (shapes with {@code label=""}) as warnings.
 */
class CvatReferenceSampleTest {
    static Path sample() {
        Optional<Path> p = SharedData.resolve("reference/formats/cvat/images_1.1_task_datumaro/data");
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        return p.get();
    }

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    static String label(Dataset d, Annotation a) {
        return d.schema().get(a.label()).map(LabelClass::name).orElseThrow();
    }

    @Test
    void is_detected_as_cvat_from_the_folder_and_from_the_xml_file() throws IOException {
        Path data = sample();
        assertEquals("cvat", Formats.standard().detect(data).format().name());
        assertEquals("cvat", Formats.standard().detect(data.resolve("train.xml")).format().name());
    }

    @Test
    void reads_the_datumaro_task_export_with_every_value_expected() throws IOException {
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new CvatFormat().reader().orElseThrow().read(sample(), report);
        assertEquals(java.util.OptionalLong.of(2), d.size());

        // labels: label1 with a1..a4 typed by input_type, label2; the unlabeled shapes get their own class
        List<String> names = d.schema().classes().stream().map(LabelClass::name).toList();
        assertEquals(List.of("label1", "label2", CvatFormat.UNLABELED), names);
        LabelClass label1 = d.schema().byName("label1").orElseThrow();
        assertEquals(List.of("a1", "a2", "a3", "a4"), label1.attributes().stream().map(AttributeSpec::name).toList());
        assertInstanceOf(CheckboxAttribute.class, label1.attributes().get(0));
        assertEquals(new SelectAttribute("a2", List.of("v1", "v2", "v3"), false, Optional.of("v1")), label1.attributes().get(1));
        assertEquals(Optional.of("0000"), ((TextAttribute) label1.attributes().get(2)).defaultText());
        assertInstanceOf(NumberAttribute.class, label1.attributes().get(3));

        List<Item> items = items(d);
        assertEquals(List.of("img0", "img1"), items.stream().map(Item::id).toList());
        // no subset in the XML: Datumaro takes it from the file name, train.xml
        assertEquals(List.of("train", "train"), items.stream().map(Item::subset).toList());
        assertEquals(Optional.of(new ImageSize(8, 8)), items.get(0).image().size());
        assertEquals(Optional.of(new ImageSize(10, 10)), items.get(1).image().size());
        assertTrue(Files.isRegularFile(Path.of(items.get(0).image().location())));
        assertTrue(items.get(0).image().location().endsWith("images/img0.jpg".replace('/', java.io.File.separatorChar)));

        // counting rule: one per direct child of <image>
        Map<String, Long> counts = items.stream().flatMap(i -> i.annotations().stream())
                .collect(Collectors.groupingBy(a -> a.kind().wireName(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("box", 1L, "points", 1L, "polygon", 1L, "polyline", 1L), counts);
        assertEquals(List.of("box", "polyline"), kinds(items.get(0)));
        assertEquals(List.of("polygon", "points"), kinds(items.get(1)));

        BoxAnnotation box = (BoxAnnotation) items.get(0).annotations().get(0);
        assertEquals("label1", label(d, box));
        assertEquals(new PixelBox(0, 2, 4, 2), box.box()); // xtl_ytl_xbr_ybr [0, 2, 4, 4]
        assertTrue(box.info().occluded());
        assertEquals(1, box.info().zOrder());
        assertEquals(Map.of("a1", AttributeValue.of(true), "a2", AttributeValue.of("v3"), "a3", AttributeValue.of("0003"),
                "a4", AttributeValue.of(2.4)), box.info().attributes());

        PolylineAnnotation polyline = (PolylineAnnotation) items.get(0).annotations().get(1);
        assertEquals(CvatFormat.UNLABELED, label(d, polyline));
        assertEquals(4, polyline.polyline().points().size());
        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), polyline.polyline().points().subList(0, 2));

        PolygonAnnotation polygon = (PolygonAnnotation) items.get(1).annotations().get(0);
        assertEquals(CvatFormat.UNLABELED, label(d, polygon));
        assertEquals(3, polygon.polygon().parts().get(0).size());
        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), polygon.polygon().parts().get(0).subList(0, 2));
        assertEquals(1, polygon.info().zOrder());

        PointsAnnotation points = (PointsAnnotation) items.get(1).annotations().get(1);
        assertEquals("label2", label(d, points));
        assertEquals(3, points.points().size());
        assertEquals(List.of(new Point(1, 2), new Point(3, 4)), points.points().subList(0, 2));
        assertEquals(2, points.info().zOrder());

        // quirks: the polygon on img1.jpg and the polyline on img0.jpg use label '' → warnings, not failures
        assertTrue(report.errors().isEmpty(), () -> report.problems().toString());
        List<String> warnings = report.warnings().stream().map(Problem::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("polygon.label") && w.contains("image img1.jpg")
                && w.contains("train.xml:")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("polyline.label") && w.contains("image img0.jpg")
                && w.contains("train.xml:")), warnings::toString);
        // one more, not in expected.json: a4's values "2.4 1 -5.6" are no valid min/max/step range
        assertTrue(warnings.stream().anyMatch(w -> w.contains("attribute.values") && w.contains("a4")), warnings::toString);
        assertEquals(3, warnings.size(), warnings::toString);
    }

    @Test
    void a_second_pass_reads_the_same_items_without_repeating_warnings() throws IOException {
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CvatFormat().reader().orElseThrow().read(sample(), report);
        List<Item> first = items(d);
        int problems = report.problems().size();
        assertEquals(first, items(d));
        assertEquals(problems, report.problems().size());
    }

    private static List<String> kinds(Item item) {
        return item.annotations().stream().map(a -> a.kind().wireName()).toList();
    }
}
