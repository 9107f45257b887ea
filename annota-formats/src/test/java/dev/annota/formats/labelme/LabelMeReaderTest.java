package dev.annota.formats.labelme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PointsAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.PolylineAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Point;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelMeReaderTest {
    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    @Test
    void reads_every_shape_type_flag_group_and_mask_of_a_labelme_5_file(@TempDir Path dir) throws IOException {
        LabelMeFiles.png(dir.resolve("street/a.png"), 64, 48);
        Files.writeString(dir.resolve("street/a.json"), LabelMeFiles.everyShape("a.png", 64, 48));

        assertEquals("labelme", Formats.standard().detect(dir).format().name());
        assertEquals("labelme", Formats.standard().detect(dir.resolve("street/a.json")).format().name());

        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = new LabelMeReader().read(dir, report);
        assertTrue(report.isClean(), () -> report.problems().toString());
        Item item = items(d).get(0);
        assertEquals("street/a", item.id());
        assertEquals(Optional.of(new ImageSize(64, 48)), item.image().size());
        assertEquals(List.of("car", "person", "wheel", "lane", "puddle", "night", "blurry"),
                d.schema().classes().stream().map(c -> c.name()).toList());
        List<Annotation> a = item.annotations();
        assertEquals(9, a.size());
        BoxAnnotation box = (BoxAnnotation) a.get(0);
        assertEquals(new PixelBox(10, 5.25, 20.5, 14.75), box.box(), "rectangle corners in any order");
        assertEquals(Map.of("parked", AttributeValue.of(true)), box.info().attributes());
        PolygonAnnotation polygon = (PolygonAnnotation) a.get(1);
        assertEquals(3, polygon.polygon().parts().get(0).size());
        assertEquals(Map.of("description", AttributeValue.of("walking left")), polygon.info().attributes());
        assertEquals(OptionalInt.of(3), polygon.info().groupId());
        EllipseAnnotation circle = (EllipseAnnotation) a.get(2);
        assertEquals(new Ellipse(40, 30, 5, 5, 0), circle.ellipse());
        assertEquals(OptionalInt.of(3), circle.info().groupId());
        assertEquals(2, ((PolylineAnnotation) a.get(3)).polyline().points().size());
        assertEquals(3, ((PolylineAnnotation) a.get(4)).polyline().points().size());
        assertEquals(List.of(new Point(5, 6)), ((PointsAnnotation) a.get(5)).points());
        assertEquals(2, ((PointsAnnotation) a.get(6)).points().size());
        MaskAnnotation mask = (MaskAnnotation) a.get(7);
        assertEquals(new ImageSize(64, 48), mask.mask().size(), "a LabelMe mask covers the full image");
        assertEquals(8, mask.mask().area());
        boolean[] px = mask.mask().toBitmap();
        assertTrue(px[40 * 64 + 50] && px[40 * 64 + 51] && !px[40 * 64 + 52], "row 0 of the PNG at (50, 40)");
        assertTrue(!px[42 * 64 + 50] && px[42 * 64 + 53], "row 2 of the PNG at (50, 42)");
        assertEquals(new PixelBox(50, 40, 4, 3), mask.mask().boundingBox());
        assertTrue(a.get(8) instanceof Tag t && d.schema().get(t.label()).orElseThrow().name().equals("night"));
    }

    @Test
    void warns_when_the_declared_size_or_the_image_disagree_and_keeps_the_file_size(@TempDir Path dir) throws IOException {
        LabelMeFiles.png(dir.resolve("images/b.png"), 64, 48);
        Files.createDirectories(dir.resolve("json"));
        Files.writeString(dir.resolve("json/b.json"), LabelMeFiles.everyShape("..\\\\images\\\\b.png", 640, 480));
        Files.writeString(dir.resolve("json/c.json"), LabelMeFiles.everyShape("c.jpg", 64, 48));
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        List<Item> items = items(new LabelMeReader().read(dir, report));
        assertEquals(List.of("images/b", "json/c"), items.stream().map(Item::id).toList());
        assertEquals(Optional.of(new ImageSize(64, 48)), items.get(0).image().size());
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(2, w.size(), w::toString);
        assertTrue(w.get(0).startsWith("warning: json/b.json: field 'imageWidth/imageHeight'") && w.get(0).contains("640x480"), w::toString);
        assertTrue(w.get(1).contains("json/c.json: field 'imagePath'") && w.get(1).contains("c.jpg"), w::toString);
        assertEquals(9, items.get(1).annotations().size(), "a missing image keeps its annotations (declared size)");
    }

    @Test
    void reports_a_file_that_is_not_well_formed_json_instead_of_passing_over_it(@TempDir Path dir) throws IOException {
        LabelMeFiles.png(dir.resolve("a.png"), 64, 48);
        Files.writeString(dir.resolve("a.json"), LabelMeFiles.everyShape("a.png", 64, 48));
        Files.writeString(dir.resolve("b.json"), "{\"shapes\": [\n{\"label\": }]}");
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        assertEquals(1, items(new LabelMeReader().read(dir, report)).size());
        assertEquals(1, report.errors().size(), report.problems()::toString);
        assertTrue(report.errors().get(0).message().startsWith("error: b.json:2:"), report.problems()::toString);
    }

    @Test
    void refuses_an_image_path_that_climbs_out_of_the_dataset(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("set"));
        Files.writeString(dir.resolve("set/x.json"), LabelMeFiles.everyShape("../../etc/x.png", 64, 48));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        List<Item> items = items(new LabelMeReader().read(dir.resolve("set"), report));
        assertEquals(0, items.size());
        assertTrue(report.errors().get(0).message().contains("field 'imagePath'"), report.problems()::toString);
    }
}
