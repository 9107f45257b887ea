package dev.annota.formats.cocopanoptic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeValue;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Reads the COCO panoptic files Datumaro wrote (../shared/reference/formats/coco/panoptic_datumaro). */
class CocoPanopticReferenceSampleTest {
    static Path sample() {
        Optional<Path> p = SharedData.resolve("reference/formats/coco/panoptic_datumaro/data");
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        return p.get();
    }

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    @Test
    void is_detected_as_panoptic_and_not_as_coco_instances() throws IOException {
        Path data = sample();
        assertEquals(CocoPanopticFormat.NAME, Formats.standard().detect(data).format().name());
        Path json = data.resolve("annotations/panoptic_val.json");
        assertEquals(1.0, new CocoPanopticFormat().detector().confidence(json));
        assertEquals(0.0, Formats.standard().get("coco").detector().confidence(json));
        assertEquals(0.0, Formats.standard().get("coco").detector().confidence(data));
    }

    @Test
    void reads_every_segment_with_its_label_crowd_flag_and_pixels_and_warns_about_the_quirks() throws IOException {
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new CocoPanopticFormat().reader().orElseThrow().read(sample(), report);
        assertTrue(report.errors().isEmpty());
        assertEquals(List.of("1:a", "2:b"), d.schema().classes().stream().map(c -> c.id() + ":" + c.name()).toList());
        // both categories have isthing 0: stuff classes allow only masks
        assertTrue(d.schema().classes().stream().allMatch(c -> c.kinds().equals(Set.of(AnnotationKind.MASK))));

        List<Item> items = items(d);
        assertEquals(2, items.size());
        Item a = items.get(0), b = items.get(1);
        assertEquals("a", a.id());
        assertEquals("train", a.subset());
        assertEquals("5", a.metadata().get("coco_image_id"));
        assertEquals(Optional.of(new ImageSize(10, 5)), a.image().size());
        assertEquals("b", b.id());
        assertEquals("val", b.subset());
        assertEquals("40", b.metadata().get("coco_image_id"));
        assertEquals(Optional.of(new ImageSize(5, 10)), b.image().size());
        assertEquals(3, items.stream().mapToLong(i -> i.annotations().size()).sum()); // "mask": 3

        // checks[0]: segment 460551 of a, label a, not crowd, 25 pixels in the 5x5 PNG (area says 20)
        MaskAnnotation sa = (MaskAnnotation) a.annotations().get(0);
        assertEquals("a", label(d, sa));
        assertEquals(460551, sa.info().groupId().getAsInt());
        assertEquals(25, sa.mask().area());
        assertEquals(10, sa.mask().width(), "the mask is placed on the image's 10x5 canvas");
        assertEquals(5, sa.mask().height());
        assertTrue(sa.info().attributes().isEmpty());
        // checks[1], checks[2]: segments 7 (a) and 20 (b, crowd) of b, 20 pixels each
        MaskAnnotation s7 = (MaskAnnotation) b.annotations().get(0);
        MaskAnnotation s20 = (MaskAnnotation) b.annotations().get(1);
        assertEquals(7, s7.info().groupId().getAsInt());
        assertEquals("a", label(d, s7));
        assertEquals(20, s7.mask().area());
        assertEquals(20, s20.info().groupId().getAsInt());
        assertEquals("b", label(d, s20));
        assertEquals(20, s20.mask().area());
        assertEquals(AttributeValue.of(true), s20.info().attributes().get(PanopticImage.ISCROWD));

        List<String> warnings = report.warnings().stream().map(Problem::message).toList();
        // the quirks of expected.json
        assertTrue(warnings.stream().anyMatch(w -> w.contains("a.png") && w.contains("5x5 but the image is 10x5")), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("/annotations/0/segments_info/0") && w.contains("field 'area'")
                && w.contains("20") && w.contains("25")), warnings::toString);
        // Datumaro writes bbox as [x, y, max-min, max-min]: one pixel short of COCO's extent
        assertTrue(warnings.stream().anyMatch(w -> w.contains("panoptic_val.json") && w.contains("field 'bbox'")
                && w.contains("[0, 0, 1, 9]") && w.contains("[0, 0, 2, 10]")), warnings::toString);
        assertEquals(items(d), items, "a second pass gives the same items");
        assertEquals(warnings.size(), report.warnings().size(), "and reports nothing again");
    }

    static String label(Dataset d, Annotation a) {
        return d.schema().get(a.label()).orElseThrow().name();
    }
}
