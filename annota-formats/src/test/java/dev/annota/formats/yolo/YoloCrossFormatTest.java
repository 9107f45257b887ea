package dev.annota.formats.yolo;

import static dev.annota.formats.yolo.YoloTestData.assertSameAnnotations;
import static dev.annota.formats.yolo.YoloTestData.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ultralytics → COCO → Ultralytics, and darknet → COCO: what survives the trip through COCO. */
class YoloCrossFormatTest {
    final DatasetFormat coco = Formats.standard().get("coco");
    final DatasetFormat ultralytics = Formats.standard().get("ultralytics");

    @Test
    void keeps_boxes_polygons_and_poses_through_coco_and_oriented_boxes_as_polygons_of_their_corners(@TempDir Path dir)
            throws IOException {
        Path first = dir.resolve("yolo");
        ultralytics.writer().orElseThrow().write(UltralyticsRoundTripTest.dataset(dir.resolve("src")), first,
                new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset yolo = ultralytics.reader().orElseThrow().read(first, new ImportReport(ErrorPolicy.FAIL_FAST));

        Path viaCoco = dir.resolve("coco");
        ImportReport toCoco = new ImportReport(ErrorPolicy.COLLECT);
        coco.writer().orElseThrow().write(yolo, viaCoco, toCoco);
        assertTrue(toCoco.errors().isEmpty(), toCoco.problems()::toString);
        assertEquals(2, toCoco.warnings().stream().filter(p -> p.message().contains("rotated_box")).count(), toCoco.problems()::toString);
        Dataset fromCoco = coco.reader().orElseThrow().read(viaCoco, new ImportReport(ErrorPolicy.FAIL_FAST));

        Path second = dir.resolve("yolo2");
        ImportReport toYolo = new ImportReport(ErrorPolicy.FAIL_FAST);
        ultralytics.writer().orElseThrow().write(fromCoco, second, toYolo);
        assertTrue(toYolo.isClean(), toYolo.problems()::toString);
        Dataset back = ultralytics.reader().orElseThrow().read(second, new ImportReport(ErrorPolicy.FAIL_FAST));

        assertEquals(yolo.schema().classes().stream().map(LabelClass::name).toList(),
                back.schema().classes().stream().map(LabelClass::name).toList());
        List<Item> before = items(yolo), after = items(back);
        assertEquals(before.size(), after.size());
        int rotated = 0, poses = 0;
        for (Item b : before) {
            String name = b.id().substring(b.id().lastIndexOf('/') + 1); // COCO ids are file names: nested/b → b
            Item a = after.stream().filter(x -> x.id().equals(name)).findFirst().orElseThrow(() -> new AssertionError(b.id()));
            assertEquals(b.image().size(), a.image().size());
            // COCO keeps the order of shapes but writes a pose's box and keypoints as one record; compare as sorted kinds + geometry
            List<Annotation> expected = b.annotations().stream().map(x -> x instanceof RotatedBoxAnnotation r
                    ? (Annotation) new PolygonAnnotation(r.info(), r.box().toPolygon()) : x).toList();
            assertSameAnnotations(sorted(expected), sorted(a.annotations()), 1e-6, "item " + b.id());
            rotated += (int) b.annotations().stream().filter(x -> x instanceof RotatedBoxAnnotation).count();
            poses += (int) a.annotations().stream().filter(x -> x instanceof KeypointsAnnotation && x.info().groupId().isPresent()).count();
        }
        assertEquals(2, rotated, "COCO holds the oriented boxes as 4-point polygons, which stay polygons");
        assertEquals(1, poses, "the pose's box and keypoints stay together");
        assertTrue(after.stream().flatMap(i -> i.annotations().stream()).anyMatch(x -> x instanceof PolygonAnnotation));
    }

    private static List<Annotation> sorted(List<Annotation> list) {
        return list.stream().sorted(java.util.Comparator.comparing((Annotation x) -> x.kind().ordinal())
                .thenComparing(x -> x.label().value())
                .thenComparing(x -> YoloTestData.numbers(x).toString())).toList();
    }
}
