package dev.annota.formats.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the VOC sample Datumaro wrote (../shared/reference/formats/voc/voc_dataset1_datumaro) and checks expected.json. */
class VocReferenceSampleTest {
    static Path sample() {
        Optional<Path> p = SharedData.resolve("reference/formats/voc/voc_dataset1_datumaro/data");
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        return p.get();
    }

    static List<Item> items(Dataset d) {
        try (var s = d.items()) {
            return s.toList();
        }
    }

    static String name(Dataset d, Annotation a) {
        return d.schema().get(a.label()).map(LabelClass::name).orElseThrow();
    }

    @Test
    void reads_the_datumaro_voc_sample_with_every_value_expected() throws IOException {
        Path data = sample();
        assertEquals("voc", Formats.standard().detect(data).format().name());
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new VocFormat().reader().orElseThrow().read(data, report);
        assertTrue(report.errors().isEmpty(), () -> report.problems().toString());

        List<Item> items = items(d);
        assertEquals(2, items.size());
        Item one = items.stream().filter(i -> i.id().equals("2007_000001")).findFirst().orElseThrow();
        Item two = items.stream().filter(i -> i.id().equals("2007_000002")).findFirst().orElseThrow();
        assertEquals("train", one.subset());
        assertEquals("test", two.subset());
        assertEquals(Optional.of(new ImageSize(20, 10)), one.image().size());
        assertEquals(Optional.of(new ImageSize(20, 10)), two.image().size());
        assertTrue(one.image().location().endsWith("JPEGImages/2007_000001.jpg"));
        assertEquals(List.of(), two.annotations(), "2007_000002 has no XML and no masks");

        // annotation_counts: bbox 2, part_bbox 1, mask PNGs 1 + 1 (one instance), 11 image-level labels
        List<BoxAnnotation> boxes = one.annotations().stream().filter(a -> a instanceof BoxAnnotation).map(a -> (BoxAnnotation) a).toList();
        assertEquals(3, boxes.size(), "two objects and one part box");
        List<Tag> tags = one.annotations().stream().filter(a -> a instanceof Tag).map(a -> (Tag) a).toList();
        assertEquals(List.of("aeroplane", "bird", "bottle", "car", "chair", "diningtable", "horse", "ignored", "person", "sheep", "train"),
                tags.stream().map(t -> name(d, t)).sorted().toList());
        List<MaskAnnotation> masks = one.annotations().stream().filter(a -> a instanceof MaskAnnotation).map(a -> (MaskAnnotation) a).toList();
        assertEquals(1, masks.size());
        assertEquals("bicycle", name(d, masks.get(0)));
        assertEquals(200, masks.get(0).mask().area(), "every pixel is (0,128,0) = index 2 = bicycle");

        // checks[0]: the cat, coordinates as written
        BoxAnnotation cat = boxes.stream().filter(b -> name(d, b).equals("cat")).findFirst().orElseThrow();
        assertEquals(PixelBox.fromCorners(1, 2, 3, 4), cat.box());
        assertEquals(Map.of("difficult", AttributeValue.of(false), "truncated", AttributeValue.of(true),
                "pose", AttributeValue.of("Unspecified")), cat.info().attributes());
        assertTrue(cat.info().groupId().isEmpty());

        // checks[1]: the person with its head part (grouped) and its actions
        BoxAnnotation person = boxes.stream().filter(b -> name(d, b).equals("person")).findFirst().orElseThrow();
        assertEquals(PixelBox.fromCorners(4, 5, 6, 7), person.box());
        BoxAnnotation head = boxes.stream().filter(b -> name(d, b).equals("head")).findFirst().orElseThrow();
        assertEquals(PixelBox.fromCorners(5.5, 6, 7.5, 8), head.box());
        assertTrue(person.info().groupId().isPresent());
        assertEquals(person.info().groupId(), head.info().groupId());
        List<String> actionsTrue = person.info().attributes().entrySet().stream()
                .filter(e -> e.getValue().equals(AttributeValue.of(true))).map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of("other", "phoning", "reading", "ridinghorse", "takingphoto", "walking"), actionsTrue);
        assertEquals(11, person.info().attributes().size(), "all eleven actions, true or false");

        // labels_in_annotations and the standard VOC table
        assertEquals(List.of("cat", "person"), boxes.stream().filter(b -> !name(d, b).equals("head"))
                .map(b -> name(d, b)).sorted().toList());
        assertEquals("aeroplane", d.schema().classes().get(0).name());
        assertEquals(24, d.schema().size(), "20 VOC classes, ignored, head, hand, foot (background is no class)");

        // the quirk: the SegmentationObject instance 1 is a bicycle while XML object 1 is a cat — kept apart, warned
        assertTrue(masks.get(0).info().groupId().isEmpty());
        List<String> warnings = report.warnings().stream().map(Problem::message).toList();
        assertTrue(warnings.stream().anyMatch(w -> w.contains("SegmentationObject/2007_000001.png") && w.contains("instance 1")),
                warnings::toString);
        Map<String, Long> kinds = one.annotations().stream()
                .collect(Collectors.groupingBy(a -> a.kind().wireName(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("box", 3L, "mask", 1L, "tag", 11L), kinds);
    }
}
