package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import dev.annota.testkit.shapes.ShapesItems;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shapes scenes (polygons, masks, keypoints with skeletons, tags, a colour attribute, groups) go CVAT → COCO →
 * CVAT: every annotation survives both formats unchanged, and so do the class names and skeletons.
 */
class CvatCocoCrossFormatTest {
    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    static Dataset through(DatasetFormat format, Dataset d, Path out) throws IOException {
        ImportReport w = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(d, out, w);
        assertTrue(w.errors().isEmpty(), () -> w.problems().toString());
        ImportReport r = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, r);
        assertTrue(r.isClean(), () -> format.name() + ": " + r.problems());
        return back;
    }

    @Test
    void shapes_scenes_survive_cvat_then_coco_then_cvat(@TempDir Path dir) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 11, 12);
        Path source = dir.resolve("source");
        shapes.writePngs(source, i -> { });
        Dataset original = ShapesItems.dataset(shapes, source);
        DatasetFormat cvat = Formats.standard().get("cvat");
        DatasetFormat coco = Formats.standard().get("coco");

        ImportReport first = new ImportReport(ErrorPolicy.FAIL_FAST);
        cvat.writer().orElseThrow().write(original, dir.resolve("cvat1"), first);
        // the shape classes allow boxes, polygons and masks besides keypoints: CVAT skeleton labels do not
        assertTrue(first.warnings().stream().map(Problem::message).allMatch(m -> m.contains("field 'kinds'")),
                first.problems()::toString);
        Dataset fromCvat = cvat.reader().orElseThrow().read(dir.resolve("cvat1"), new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset fromCoco = through(coco, fromCvat, dir.resolve("coco"));
        Dataset back = through(cvat, fromCoco, dir.resolve("cvat2"));

        assertEquals(names(original), names(back));
        List<Item> before = items(original), after = items(back);
        assertEquals(before.size(), after.size());
        long annotations = 0;
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).id(), after.get(i).id());
            assertEquals(before.get(i).image().size(), after.get(i).image().size());
            assertEquals(canonical(before.get(i).annotations()), canonical(after.get(i).annotations()),
                    "item " + before.get(i).id());
            annotations += before.get(i).annotations().size();
        }
        assertTrue(annotations > 50, "the scenes should hold many annotations, got " + annotations);
    }

    /**
     * {@link AnnotationGroups#canonical} with masks re-encoded: it compares {@code toString()}s, and
     * {@code Rle.toString()} shows the raw run count, which differs for equal masks (COCO's encoder may end
     * with an empty run).
     */
    static List<String> canonical(List<Annotation> annotations) {
        return AnnotationGroups.canonical(annotations.stream().map(a -> a instanceof MaskAnnotation m
                ? new MaskAnnotation(m.info(), Rle.fromBitmap(m.mask().toBitmap(), m.mask().height(), m.mask().width()))
                : a).toList());
    }

    private static List<String> names(Dataset d) {
        return d.schema().classes().stream().map(c -> c.id() + ":" + c.name() + ":" + c.skeleton().map(s -> s.toString()).orElse(""))
                .toList();
    }
}
