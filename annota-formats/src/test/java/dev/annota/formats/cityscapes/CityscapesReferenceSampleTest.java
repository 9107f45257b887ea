package dev.annota.formats.cityscapes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.geometry.ImageSize;
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
import org.junit.jupiter.api.Test;

/** Reads the Cityscapes sample Datumaro wrote (../shared/reference/formats/cityscapes/dataset_datumaro). */
class CityscapesReferenceSampleTest {
    static Path sample() {
        Optional<Path> p = SharedData.resolve("reference/formats/cityscapes/dataset_datumaro/data");
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        return p.get();
    }

    static List<Item> items(Dataset d) {
        try (var s = d.items()) {
            return s.toList();
        }
    }

    static String masks(Dataset d, Item item) {
        return item.annotations().stream().map(a -> (MaskAnnotation) a)
                .map(m -> d.schema().get(m.label()).map(LabelClass::name).orElseThrow() + ":" + m.mask().area())
                .toList().toString();
    }

    @Test
    void reads_the_datumaro_cityscapes_sample_with_every_segment_expected() throws IOException {
        Path data = sample();
        assertEquals("cityscapes", Formats.standard().detect(data).format().name());
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new CityscapesFormat().reader().orElseThrow().read(data, report);
        assertTrue(report.isClean(), () -> report.problems().toString());

        List<Item> items = items(d);
        assertEquals(List.of("defaultcity/defaultcity_000001_000031", "defaultcity/defaultcity_000001_000032",
                "defaultcity/defaultcity_000002_000045", "defaultcity/defaultcity_000001_000019"),
                items.stream().map(Item::id).toList());
        assertEquals(List.of("test", "test", "train", "val"), items.stream().map(Item::subset).toList());
        for (Item i : items) {
            assertEquals(Optional.of(new ImageSize(5, 1)), i.image().size(), i.id());
            assertTrue(i.image().location().endsWith(i.id() + "_leftImg8bit.png"), i.image().location());
        }
        assertEquals(9, items.stream().mapToInt(i -> i.annotations().size()).sum(), "one mask per distinct pixel value");
        assertEquals("[out of roi:2, truck:3]", masks(d, items.get(0)));
        assertEquals("[out of roi:2, wall:1, train:2]", masks(d, items.get(1)));
        assertEquals("[out of roi:4, person:1]", masks(d, items.get(2)));
        assertEquals("[ego vehicle:2, out of roi:3]", masks(d, items.get(3)));

        // class ids are Cityscapes ids; a thing class without instance number is a crowd region
        assertEquals(27, items.get(0).annotations().get(1).label().value());
        assertEquals(AttributeValue.of(true), items.get(0).annotations().get(1).info().attributes().get("iscrowd"));
        assertTrue(items.get(0).annotations().get(0).info().attributes().isEmpty(), "out of roi is stuff, not a crowd");
        assertEquals(33, d.schema().size(), "the standard table without unlabeled (background) and license plate");
    }
}
