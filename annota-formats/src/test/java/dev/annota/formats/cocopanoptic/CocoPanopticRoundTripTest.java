package dev.annota.formats.cocopanoptic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CocoPanopticRoundTripTest {
    final CocoPanopticFormat panoptic = new CocoPanopticFormat();

    @TempDir
    Path dir;

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    static Rle box(int x, int y, int w, int h, int width, int height) {
        boolean[] bits = new boolean[width * height];
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                bits[yy * width + xx] = true;
            }
        }
        return Rle.fromBitmap(bits, height, width);
    }

    /** Two subsets, a thing and a stuff class, crowd and plain segments that do not overlap. */
    Dataset dataset() {
        LabelSchema.Builder builder = LabelSchema.builder();
        builder.add("car");
        builder.add("sky", c -> c.withKinds(EnumSet.of(AnnotationKind.MASK)));
        LabelSchema schema = builder.build();
        LabelId car = schema.classes().get(0).id(), sky = schema.classes().get(1).id();
        ImageSize size = new ImageSize(40, 30);
        Item one = new Item("one", ImageRef.of(dir.resolve("src/one.jpg").toString(), size), "train", List.of(
                MaskAnnotation.of(sky, box(0, 0, 40, 10, 40, 30)),
                new MaskAnnotation(AnnotationInfo.of(car).withAttribute(PanopticImage.ISCROWD, AttributeValue.of(true)),
                        box(5, 12, 10, 8, 40, 30)),
                MaskAnnotation.of(car, box(20, 15, 6, 6, 40, 30))), Map.of());
        Item two = new Item("two", ImageRef.of(dir.resolve("src/two.jpg").toString(), size), "val", List.of(
                new MaskAnnotation(AnnotationInfo.of(car).withGroup(77), box(1, 1, 3, 3, 40, 30))), Map.of());
        return InMemoryDataset.of(schema, List.of(one, two));
    }

    @Test
    void writes_pngs_and_json_and_reads_back_every_segment_unchanged() throws IOException {
        Dataset original = dataset();
        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        panoptic.writer().orElseThrow().write(original, out, written);
        assertTrue(written.errors().isEmpty(), written.problems()::toString);
        assertTrue(Files.isRegularFile(out.resolve("annotations/panoptic_train.json")));
        assertTrue(Files.isRegularFile(out.resolve("annotations/panoptic_train/one.png")));
        assertTrue(Files.isRegularFile(out.resolve("annotations/panoptic_val/two.png")));
        assertEquals(CocoPanopticFormat.NAME, Formats.standard().detect(out).format().name());
        String json = Files.readString(out.resolve("annotations/panoptic_val.json"));
        assertTrue(json.contains("\"segments_info\":[{\"id\":77,\"category_id\":1,\"iscrowd\":0,\"area\":9,\"bbox\":[1,1,3,3]}]"), json);
        assertTrue(Files.readString(out.resolve("annotations/panoptic_train.json")).contains("{\"id\":2,\"name\":\"sky\",\"supercategory\":\"\",\"isthing\":0}"));

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = panoptic.reader().orElseThrow().read(out, read);
        assertTrue(read.errors().isEmpty(), read.problems()::toString);
        assertEquals(original.schema().classes(), back.schema().classes());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).id(), after.get(i).id());
            assertEquals(before.get(i).subset(), after.get(i).subset());
            assertEquals(AnnotationGroups.canonical(before.get(i).annotations()),
                    AnnotationGroups.canonical(after.get(i).annotations()));
        }
        assertEquals(77, after.get(1).annotations().get(0).info().groupId().getAsInt(), "a group id is kept as the segment id");
    }

    @Test
    void survives_a_trip_through_coco_instances_as_masks() throws IOException {
        Path first = dir.resolve("panoptic");
        panoptic.writer().orElseThrow().write(dataset(), first, new ImportReport(ErrorPolicy.COLLECT));
        Dataset read = panoptic.reader().orElseThrow().read(first, new ImportReport(ErrorPolicy.COLLECT));
        DatasetFormat coco = Formats.standard().get("coco");
        Path viaCoco = dir.resolve("coco");
        coco.writer().orElseThrow().write(read, viaCoco, new ImportReport(ErrorPolicy.FAIL_FAST));
        assertEquals("coco", Formats.standard().detect(viaCoco).format().name());
        Dataset fromCoco = coco.reader().orElseThrow().read(viaCoco, new ImportReport(ErrorPolicy.COLLECT));
        Path again = dir.resolve("again");
        panoptic.writer().orElseThrow().write(fromCoco, again, new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset back = panoptic.reader().orElseThrow().read(again, new ImportReport(ErrorPolicy.COLLECT));
        List<Item> a = items(read), b = items(back);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // masks, labels and crowd flags survive; COCO renumbers the segments
            assertEquals(AnnotationGroups.canonical(a.get(i).annotations()), AnnotationGroups.canonical(b.get(i).annotations()));
        }
        // COCO instances has no isthing: the stuff class comes back from COCO as a thing (all kinds)
        assertEquals(EnumSet.allOf(AnnotationKind.class), back.schema().byName("sky").orElseThrow().kinds());
        assertEquals(EnumSet.of(AnnotationKind.MASK), read.schema().byName("sky").orElseThrow().kinds());
    }

    @Test
    void reports_what_panoptic_cannot_hold_and_how_shapes_were_converted() throws IOException {
        LabelSchema schema = LabelSchema.of("thing");
        LabelId t = schema.classes().get(0).id();
        ImageSize size = new ImageSize(20, 20);
        Item item = Item.of("x", ImageRef.of(dir.resolve("missing.png").toString(), size), List.of(
                BoxAnnotation.of(t, new PixelBox(0, 0, 10, 10)),
                PolygonAnnotation.of(t, Polygon.fromFlat(List.of(new double[] {5, 5, 15, 5, 15, 15, 5, 15}))),
                Tag.of(t),
                KeypointsAnnotation.of(t, new Keypoints(List.of(Keypoint.visible(1, 1)))),
                new MaskAnnotation(AnnotationInfo.of(t).withAttribute("colour", AttributeValue.of("red")), box(18, 18, 2, 2, 20, 20))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        panoptic.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[0]") && m.contains("'kind'") && m.contains("box's mask")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[1]") && m.contains("polygon's mask")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[1]") && m.contains("overlaps annotations[0]")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[2]") && m.contains("tag")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[3]") && m.contains("keypoints")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("item x: annotations[4]") && m.contains("field 'colour'")), w::toString);
        assertTrue(w.stream().anyMatch(m -> m.contains("missing.png")), w::toString);

        Item back = items(panoptic.reader().orElseThrow().read(dir.resolve("out"), new ImportReport(ErrorPolicy.COLLECT))).get(0);
        assertEquals(3, back.annotations().size());
        Rle boxMask = ((MaskAnnotation) back.annotations().get(0)).mask();
        Rle polyMask = PolygonRasterizer.rasterize(Polygon.fromFlat(List.of(new double[] {5, 5, 15, 5, 15, 15, 5, 15})), 20, 20);
        assertEquals(PolygonRasterizer.rasterize(new PixelBox(0, 0, 10, 10), 20, 20).area() - 25, boxMask.area(),
                "the polygon painted later keeps the 25 shared pixels");
        assertEquals(polyMask, ((MaskAnnotation) back.annotations().get(1)).mask());
    }

    static String file(String segment, String category) {
        return """
                {"images": [{"id": 1, "file_name": "a.jpg", "width": 4, "height": 4}],
                 "categories": [%s],
                 "annotations": [{"image_id": 1, "file_name": "a.png", "segments_info": [
                   {"id": 1, "category_id": 1, "iscrowd": 0},
                   %s
                 ]}]}
                """.formatted(category, segment);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "segment id zero        | {\"id\": 0, \"category_id\": 1}                  | {\"id\": 1, \"name\": \"a\"}                 | /annotations/0/segments_info/1 | id          | 0",
        "segment id above 2^24  | {\"id\": 16777216, \"category_id\": 1}           | {\"id\": 1, \"name\": \"a\"}                 | /annotations/0/segments_info/1 | id          | 16777216",
        "segment id repeated    | {\"id\": 1, \"category_id\": 1}                  | {\"id\": 1, \"name\": \"a\"}                 | /annotations/0/segments_info/1 | id          | 1",
        "segment id a string    | {\"id\": \"x\", \"category_id\": 1}               | {\"id\": 1, \"name\": \"a\"}                 | /annotations/0/segments_info/1 | id          | \"x\"",
        "missing category_id    | {\"id\": 2}                                      | {\"id\": 1, \"name\": \"a\"}                 | /annotations/0/segments_info/1 | category_id | nothing",
        "iscrowd of 2           | {\"id\": 2, \"category_id\": 1, \"iscrowd\": 2}  | {\"id\": 1, \"name\": \"a\"}                 | /annotations/0/segments_info/1 | iscrowd     | 2",
        "bbox of three numbers  | {\"id\": 2, \"category_id\": 1, \"bbox\": [1, 2, 3]} | {\"id\": 1, \"name\": \"a\"}             | /annotations/0/segments_info/1 | bbox        | [1,2,3]",
        "isthing of 5           | {\"id\": 2, \"category_id\": 1}                  | {\"id\": 1, \"name\": \"a\", \"isthing\": 5} | /categories/0                  | isthing     | 5",
    })
    void names_the_file_pointer_field_and_value(String rule, String segment, String category, String pointer, String field,
                                                  String value) throws IOException {
        Path json = dir.resolve("panoptic_default.json");
        Files.writeString(json, file(segment, category));
        ValidationException e = assertThrows(ValidationException.class,
                () -> panoptic.reader().orElseThrow().read(json, new ImportReport(ErrorPolicy.FAIL_FAST)));
        String m = e.getMessage();
        assertTrue(m.contains("panoptic_default.json:"), m);
        assertTrue(m.contains(pointer), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(value.equals("nothing") ? "got nothing" : value), m);
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        List<Item> all = items(panoptic.reader().orElseThrow().read(json, report));
        assertEquals(1, all.size(), "the image survives");
        assertTrue(report.errors().size() >= 1);
    }
}
