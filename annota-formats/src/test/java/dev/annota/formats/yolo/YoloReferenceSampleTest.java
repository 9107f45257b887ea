package dev.annota.formats.yolo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Reads the darknet sample Datumaro ships (../shared/reference/formats/yolo) and checks what expected.json lists. */
class YoloReferenceSampleTest {
    static Path sample(String name) {
        Optional<Path> p = SharedData.resolve("reference/formats/yolo/" + name + "/data");
        assumeTrue(p.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        return p.get();
    }

    @Test
    void reads_the_datumaro_darknet_sample_with_every_checked_box() throws IOException {
        Path data = sample("darknet_strict_datumaro");
        assertEquals("yolo", Formats.standard().detect(data).format().name());
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new YoloFormat().reader().orElseThrow().read(data, report);
        assertTrue(report.isClean(), () -> report.problems().toString());

        assertEquals(IntStream.range(0, 10).mapToObj(i -> "label_" + i).toList(),
                d.schema().classes().stream().map(LabelClass::name).toList());
        List<Item> items;
        try (var s = d.items()) {
            items = s.toList();
        }
        assertEquals(1, items.size());
        Item item = items.get(0);
        assertEquals("1", item.id());
        assertEquals("train", item.subset());
        assertEquals(Optional.of(new ImageSize(15, 10)), item.image().size());
        assertTrue(item.image().location().endsWith("obj_train_data/1.jpg"), item.image().location());
        assertEquals(2, item.annotations().size(), "annotation_counts.bbox");

        // checks[]: class index → label, and pixel_xywh from the 6-decimal normalised values
        double[][] pixels = {{-7e-06, 2.0, 4.000005, 2.0}, {3.000007, 3.0, 1.999995, 3.0}};
        String[] labels = {"label_2", "label_4"};
        for (int i = 0; i < 2; i++) {
            BoxAnnotation box = (BoxAnnotation) item.annotations().get(i);
            assertEquals(labels[i], d.schema().get(box.label()).orElseThrow().name());
            PixelBox b = box.box();
            double[] got = b.toXywh();
            for (int k = 0; k < 4; k++) {
                assertEquals(pixels[i][k], got[k], 1e-3, "checks[" + i + "].pixel_xywh[" + k + "]");
            }
            assertTrue(box.info().groupId().isEmpty(), "a darknet box is in no group");
        }
    }
}
