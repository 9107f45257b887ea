package dev.annota.formats.imagenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.InMemoryDataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.AttributeValue;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.testkit.SharedData;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ImageNet / ImageFolder class folders: the Datumaro sample, round trips, the writer's report and COCO. */
class ImageNetTest {
    final ImageNetFormat format = new ImageNetFormat();

    static Path png(Path file, int w, int h) {
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    static String labelOf(Dataset d, Item i) {
        return i.annotations().isEmpty() ? "-" : d.schema().get(i.annotations().get(0).label()).orElseThrow().name();
    }

    @Test
    void reads_the_datumaro_sample_labelling_each_image_by_its_top_level_folder_and_warning_about_the_quirks() throws IOException {
        Optional<Path> sample = SharedData.resolve("reference/formats/imagenet/folders_datumaro/data");
        assumeTrue(sample.isPresent(), "the shared reference folder (../shared/reference/formats) is absent");
        assertEquals("imagenet", Formats.standard().detect(sample.get()).format().name());
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = format.reader().orElseThrow().read(sample.get(), report);

        assertEquals(List.of("label_0", "label_1"), d.schema().classes().stream().map(LabelClass::name).toList(), "label_dirs_top_level");
        List<Item> items = items(d);
        assertEquals(4, items.size(), "num_images");
        Map<String, String> expected = Map.of("label_0/label_0_1", "label_0:8", "label_0_2", "-:10",
                "label_1/label_1_1", "label_1:8", "label_1/label_1_1/label_1_1", "label_1:8");
        for (Item i : items) {
            assertTrue(expected.containsKey(i.id()), i.id());
            ImageSize size = i.image().size().orElseThrow();
            assertEquals(size.width(), size.height());
            assertEquals(expected.get(i.id()), labelOf(d, i) + ":" + size.width(), i.id());
            assertEquals(Item.DEFAULT_SUBSET, i.subset());
        }
        assertEquals(3, items.stream().mapToLong(i -> i.annotations().size()).sum(), "annotation_counts.label");
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(2, w.size(), w::toString);
        assertTrue(w.stream().anyMatch(x -> x.contains("label_0_2.jpg: field 'label'")), w::toString);
        assertTrue(w.stream().anyMatch(x -> x.contains("label_1/label_1_1/label_1_1.jpg: field 'label'") && x.contains("\"label_1\"")), w::toString);
    }

    static Dataset classes(Path src) {
        LabelSchema schema = LabelSchema.of("bird", "cat", "dog");
        LabelId bird = LabelId.of(1), cat = LabelId.of(2), dog = LabelId.of(3);
        return InMemoryDataset.of(schema, List.of(
                new Item("cat/1", ImageRef.of(png(src.resolve("1.png"), 12, 8).toString(), new ImageSize(12, 8)), "train", List.of(Tag.of(cat)), Map.of()),
                new Item("dog/2", ImageRef.of(png(src.resolve("2.png"), 5, 9).toString(), new ImageSize(5, 9)), "train", List.of(Tag.of(dog)), Map.of()),
                new Item("cat/3", ImageRef.of(png(src.resolve("3.png"), 7, 7).toString(), new ImageSize(7, 7)), "val", List.of(Tag.of(cat)), Map.of())));
    }

    @Test
    void writes_split_class_folders_and_reads_back_the_same_items_tags_and_classes(@TempDir Path dir) throws IOException {
        Dataset original = classes(dir.resolve("src"));
        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), written.problems()::toString);
        assertTrue(Files.isRegularFile(out.resolve("train/cat/1.png")));
        assertTrue(Files.isDirectory(out.resolve("val/bird")), "every class has a folder, so empty classes survive");
        assertEquals("imagenet", Formats.standard().detect(out).format().name());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), read.problems()::toString);
        assertEquals(original.schema(), back.schema());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.stream().map(i -> i.subset() + ":" + i.id() + ":" + i.image().size()).sorted().toList(),
                after.stream().map(i -> i.subset() + ":" + i.id() + ":" + i.image().size()).sorted().toList());
        for (Item b : before) {
            Item a = after.stream().filter(x -> x.id().equals(b.id())).findFirst().orElseThrow();
            assertEquals(AnnotationGroups.canonical(b.annotations()), AnnotationGroups.canonical(a.annotations()));
        }
    }

    @Test
    void copies_an_image_with_several_tags_into_each_folder_and_reports_what_class_folders_cannot_hold(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("cat", "dog", "a/b");
        LabelId cat = LabelId.of(1), dog = LabelId.of(2), slash = LabelId.of(3);
        Path src = dir.resolve("src");
        List<Item> items = List.of(
                Item.of("both", ImageRef.of(png(src.resolve("both.png"), 4, 4).toString()), List.of(Tag.of(cat), Tag.of(dog))),
                Item.of("none", ImageRef.of(png(src.resolve("none.png"), 4, 4).toString()), List.of(BoxAnnotation.of(cat, new PixelBox(0, 0, 1, 1)))),
                Item.of("scored", ImageRef.of(png(src.resolve("s.png"), 4, 4).toString()),
                        List.of(new Tag(Tag.of(slash).info().withConfidence(0.5).withAttribute("why", AttributeValue.of("x"))))),
                Item.of("gone", ImageRef.of(src.resolve("gone.png").toString()), List.of(Tag.of(cat))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Path out = dir.resolve("out");
        format.writer().orElseThrow().write(InMemoryDataset.of(schema, items), out, report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertTrue(Files.isRegularFile(out.resolve("cat/both.png")) && Files.isRegularFile(out.resolve("dog/both.png")));
        assertTrue(Files.isRegularFile(out.resolve("a_b/scored.png")), "a class name with / gets a folder name without it");
        assertFalse(Files.exists(out.resolve("cat/none.png")));
        String[] expected = {"item both: field 'tags'", "field 'tags': expected a tag per image", "items: none",
            "field 'kind'", "\"box (1 annotation)\"", "field 'confidence'", "field 'attributes.why'", "item gone: field 'image'",
            "class 3: field 'name'"};
        for (String e : expected) {
            assertTrue(w.stream().anyMatch(x -> x.contains(e)), () -> e + " in " + w);
        }
    }

    @Test
    void keeps_tags_through_coco_image_level_labels(@TempDir Path dir) throws IOException {
        DatasetFormat coco = Formats.standard().get("coco");
        Dataset original = classes(dir.resolve("src"));
        coco.writer().orElseThrow().write(original, dir.resolve("coco"), new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset viaCoco = coco.reader().orElseThrow().read(dir.resolve("coco"), new ImportReport(ErrorPolicy.FAIL_FAST));
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(viaCoco, dir.resolve("back"), report);
        assertTrue(report.isClean(), report.problems()::toString);
        Dataset back = format.reader().orElseThrow().read(dir.resolve("back"), new ImportReport(ErrorPolicy.FAIL_FAST));
        assertEquals(List.of("train:cat/1:cat", "train:dog/2:dog", "val:cat/3:cat"),
                items(back).stream().map(i -> i.subset() + ":" + i.id() + ":" + labelOf(back, i)).sorted().toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "image outside any class folder | loose.png        | loose.png: field 'label'                     | nothing",
        "image nested in a class folder | cat/deep/x.png   | cat/deep/x.png: field 'label'                | cat/deep",
        "file that is not an image      | cat/notes.bin    | cat/notes.bin: field 'image'                 | cat/notes.bin",
        "image file that cannot be read | cat/broken.png   | cat/broken.png: field 'image'                | cat/broken.png",
    })
    void warns_naming_the_file_field_and_value(String rule, String file, String where, String value, @TempDir Path dir) throws IOException {
        png(dir.resolve("cat/ok.png"), 3, 3);
        if (file.endsWith("broken.png") || file.endsWith(".bin")) {
            Files.writeString(dir.resolve(file), "not an image");
        } else {
            png(dir.resolve(file), 3, 3);
        }
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.reader().orElseThrow().read(dir, report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        assertEquals(1, w.size(), w::toString);
        assertTrue(w.get(0).contains(where), w::toString);
        assertTrue(w.get(0).endsWith("got " + (value.equals("nothing") ? "nothing" : "\"" + value + "\"")), w::toString);
    }

    @Test
    void refuses_a_link_that_leaves_the_dataset_folder(@TempDir Path dir) throws IOException {
        Path outside = png(dir.resolve("outside.png"), 3, 3);
        Path root = dir.resolve("data");
        png(root.resolve("cat/ok.png"), 3, 3);
        Files.createSymbolicLink(root.resolve("cat/link.png"), outside);
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        List<Item> items = items(format.reader().orElseThrow().read(root, report));
        assertEquals(List.of("cat/ok"), items.stream().map(Item::id).toList());
        assertTrue(report.errors().get(0).message().contains("cat/link.png: field 'image'"), report.problems()::toString);
    }
}
