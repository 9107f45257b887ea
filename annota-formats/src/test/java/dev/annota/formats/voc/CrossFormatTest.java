package dev.annota.formats.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.masks.ShapesScenes;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VOC, semantic masks and Cityscapes through COCO and back: what survives. */
class CrossFormatTest {
    static Dataset through(String format, Dataset d, Path out) throws IOException {
        DatasetFormat f = Formats.standard().get(format);
        ImportReport w = new ImportReport(ErrorPolicy.FAIL_FAST);
        f.writer().orElseThrow().write(d, out, w);
        assertTrue(w.errors().isEmpty(), () -> w.problems().toString());
        ImportReport r = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = f.reader().orElseThrow().read(out, r);
        assertTrue(r.errors().isEmpty(), () -> r.problems().toString());
        return back;
    }

    /** Per item id: each annotation as kind, class name and geometry (boxes and exact masks), sorted. */
    static Map<String, List<String>> content(Dataset d, boolean withTags) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Item i : ShapesScenes.items(d)) {
            String id = i.id().contains("/") && !i.id().startsWith("defaultcity") ? i.id().substring(i.id().lastIndexOf('/') + 1) : i.id();
            out.put(id, i.annotations().stream().filter(a -> withTags || !a.kind().wireName().equals("tag"))
                    .map(a -> describe(d, a)).sorted().toList());
        }
        return out;
    }

    static String describe(Dataset d, Annotation a) {
        String name = d.schema().get(a.label()).map(LabelClass::name).orElseThrow();
        String geometry = a instanceof BoxAnnotation b ? Arrays.toString(b.box().toXywh())
                : a instanceof MaskAnnotation m ? Arrays.toString(ShapesScenes.exact(m.mask()).counts()) : "";
        return a.kind().wireName() + " " + name + " " + geometry;
    }

    @Test
    void voc_boxes_masks_and_image_labels_survive_coco_and_come_back_as_voc(@TempDir Path dir) throws IOException {
        Dataset shapes = ShapesScenes.dataset(dir.resolve("src"), 6, 21, VocRoundTripTest::objects);
        Dataset voc = through("voc", shapes, dir.resolve("voc"));
        Dataset coco = through("coco", voc, dir.resolve("coco"));
        assertEquals(content(voc, true), content(coco, true), "COCO holds boxes, RLE masks and image labels");
        Dataset back = through("voc", coco, dir.resolve("voc2"));
        assertEquals(content(voc, true), content(back, true));
    }

    @Test
    void semantic_masks_survive_coco_exactly(@TempDir Path dir) throws IOException {
        Dataset shapes = ShapesScenes.dataset(dir.resolve("src"), 6, 8, ShapesScenes::semantic);
        Dataset masks = through("masks", shapes, dir.resolve("masks"));
        Dataset coco = through("coco", masks, dir.resolve("coco"));
        assertEquals(content(masks, false), content(coco, false));
        Dataset back = through("masks", coco, dir.resolve("masks2"));
        assertEquals(content(masks, false), content(back, false));
    }

    @Test
    void the_cityscapes_sample_survives_coco_with_its_crowd_regions(@TempDir Path dir) throws IOException {
        Optional<Path> sample = SharedData.resolve("reference/formats/cityscapes/dataset_datumaro/data");
        Assumptions.assumeTrue(sample.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        Dataset cs = Formats.standard().get("cityscapes").reader().orElseThrow().read(sample.get(), new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset coco = through("coco", cs, dir.resolve("coco"));
        Dataset back = through("cityscapes", coco, dir.resolve("cs"));
        assertEquals(content(cs, false).values().stream().flatMap(List::stream).sorted().toList(),
                content(back, false).values().stream().flatMap(List::stream).sorted().toList());
        long crowd = ShapesScenes.items(back).stream().flatMap(i -> i.annotations().stream())
                .filter(a -> a.info().attributes().containsKey("iscrowd")).count();
        assertEquals(3, crowd, "truck, train and person: thing classes whose pixels carry no instance number");
    }
}
