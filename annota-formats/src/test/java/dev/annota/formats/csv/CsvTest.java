package dev.annota.formats.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.AnnotationGroups;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.ValidationException;
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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Label CSVs: the RFC 4180 parser, round trips, field errors, the writer's report and a trip through class folders. */
class CsvTest {
    final CsvFormat format = new CsvFormat();

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

    static List<String> parse(String text) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(text), "t.csv")) {
            for (var row = p.next(); row.isPresent(); row = p.next()) {
                out.add(row.get().line() + ":" + row.get().cells());
            }
        }
        return out;
    }

    @Test
    void parses_quotes_escaped_quotes_line_breaks_in_fields_crlf_and_a_byte_order_mark() throws IOException {
        assertEquals(List.of("1:[image, label]", "2:[a.jpg, cat;dog]", "3:[b \"x\".jpg, , ]", "4:[c.jpg, multi\r\nline]", "6:[d.jpg, z]"),
                parse("\uFEFFimage,label\r\na.jpg,\"cat;dog\"\r\n\"b \"\"x\"\".jpg\",,\r\nc.jpg,\"multi\r\nline\"\nd.jpg,z"));
        assertEquals(List.of("1:[a, b]", "2:[]", "3:[c, d]"), parse("a,b\r\rc,d\r"), "CR alone ends a record too");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "quote inside an unquoted field | 'a.jpg,ca\"t'               | t.csv:2 | column 2 | ca\"",
        "text after a closing quote     | 'a.jpg,\"cat\"x'            | t.csv:2 | column 2 | \"cat\"x",
        "quote never closed             | 'a.jpg,\"cat'                | t.csv:2 | (record) | \"cat…",
    })
    void reports_malformed_records_with_file_line_column_and_text(String rule, String row, String where, String field, String value)
            throws IOException {
        String text = "x.jpg,ok\n" + row + "\ny.jpg,fine\n";
        ValidationException e = assertThrows(ValidationException.class, () -> parse(text));
        assertTrue(e.getMessage().startsWith(where + ": field '" + field + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got \"" + value + "\""), e.getMessage());
    }

    @Test
    void goes_on_after_a_malformed_record_at_the_next_line() throws IOException {
        try (CsvParser p = new CsvParser(new StringReader("a.jpg,x\"y\nb.jpg,ok\n"), "t.csv")) {
            assertThrows(ValidationException.class, p::next);
            assertEquals(List.of("b.jpg", "ok"), p.next().orElseThrow().cells());
        }
    }

    static Dataset labelled(Path src) {
        LabelSchema schema = LabelSchema.of("cat", "dog", "with, comma");
        LabelId cat = LabelId.of(1), dog = LabelId.of(2), comma = LabelId.of(3);
        return InMemoryDataset.of(schema, List.of(
                new Item("a", ImageRef.of(png(src.resolve("a.png"), 6, 4).toString(), new ImageSize(6, 4)), "train",
                        List.of(Tag.of(cat)), Map.of()),
                new Item("sub/b", ImageRef.of(png(src.resolve("b.png"), 3, 5).toString(), new ImageSize(3, 5)), "val",
                        List.of(new Tag(AnnotationInfo.of(dog).withConfidence(0.75)), Tag.of(comma)), Map.of()),
                new Item("c", ImageRef.of(png(src.resolve("c.png"), 2, 2).toString(), new ImageSize(2, 2)), "train", List.of(), Map.of())));
    }

    @Test
    void writes_single_and_multi_label_rows_with_split_and_confidence_and_reads_them_back(@TempDir Path dir) throws IOException {
        Dataset original = labelled(dir.resolve("src"));
        Path out = dir.resolve("out");
        ImportReport written = new ImportReport(ErrorPolicy.FAIL_FAST);
        format.writer().orElseThrow().write(original, out, written);
        assertTrue(written.isClean(), written.problems()::toString);
        assertEquals("image,label,split,confidence\r\na.png,cat,train,\r\nsub/b.png,\"dog;with, comma\",val,0.75;\r\nc.png,,train,\r\n",
                Files.readString(out.resolve("labels.csv")));
        assertEquals("csv", Formats.standard().detect(out).format().name());
        assertEquals("csv", Formats.standard().detect(out.resolve("labels.csv")).format().name());

        ImportReport read = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset back = format.reader().orElseThrow().read(out, read);
        assertTrue(read.isClean(), read.problems()::toString);
        assertEquals(original.schema(), back.schema());
        List<Item> before = items(original), after = items(back);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            Item b = before.get(i), a = after.get(i);
            assertEquals(b.id() + ":" + b.subset() + ":" + b.image().size(), a.id() + ":" + a.subset() + ":" + a.image().size());
            assertEquals(AnnotationGroups.canonical(b.annotations()), AnnotationGroups.canonical(a.annotations()));
        }
    }

    @Test
    void reads_a_headerless_file_merging_rows_of_the_same_image_and_keeping_extra_named_columns(@TempDir Path dir) throws IOException {
        png(dir.resolve("img/a.jpg"), 4, 4);
        Files.writeString(dir.resolve("plain.csv"), "img/a.jpg,cat\nimg/a.jpg,dog\nimg/missing.jpg,cat\n");
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        Dataset d = format.reader().orElseThrow().read(dir.resolve("plain.csv"), report);
        List<Item> items = items(d);
        assertEquals(List.of("img/a", "img/missing"), items.stream().map(Item::id).toList());
        assertEquals(2, items.get(0).annotations().size());
        assertEquals(1, report.warnings().size(), report.problems()::toString);
        assertTrue(report.warnings().get(0).message().contains("plain.csv:3: field 'image'"));

        Files.writeString(dir.resolve("plain.csv"), "File,Class,camera\nimg/a.jpg,cat,nikon\n");
        Item withHeader = items(format.reader().orElseThrow().read(dir.resolve("plain.csv"), new ImportReport(ErrorPolicy.FAIL_FAST))).get(0);
        assertEquals(Map.of("camera", "nikon"), withHeader.metadata());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "one column only               | a.png                      | columns    | 1 columns",
        "empty image cell              | ' ,cat'                    | image      | ''",
        "image path climbing out       | ../x.png,cat               | image      | ../x.png",
        "absolute image path           | /etc/x.png,cat             | image      | /etc/x.png",
        "confidence not a number       | a.png,cat,train,high       | confidence | high",
        "confidence above one          | a.png,cat,train,1.5        | confidence | 1.5",
        "one score too many            | 'a.png,cat;dog,train,0.1;0.2;0.3' | confidence | 0.1;0.2;0.3",
        "quote inside a field          | a.png,c\"at,train,0.5      | column 2   | c\"",
    })
    void names_the_file_line_field_and_value(String rule, String row, String field, String value, @TempDir Path dir) throws IOException {
        png(dir.resolve("a.png"), 2, 2);
        Files.writeString(dir.resolve("l.csv"), "image,label,split,confidence\na.png,cat,train,0.5\n" + row + "\n");
        ValidationException e = assertThrows(ValidationException.class,
                () -> format.reader().orElseThrow().read(dir.resolve("l.csv"), new ImportReport(ErrorPolicy.FAIL_FAST)));
        assertTrue(e.getMessage().startsWith("l.csv:3: field '" + field + "'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("got \"" + value + "\""), e.getMessage());
        ImportReport collected = new ImportReport(ErrorPolicy.COLLECT);
        List<Item> items = items(format.reader().orElseThrow().read(dir.resolve("l.csv"), collected));
        assertEquals(1, collected.errors().size());
        assertEquals("a", items.get(0).id(), "the good row survives");
    }

    @Test
    void reports_what_a_label_csv_cannot_hold(@TempDir Path dir) throws IOException {
        LabelSchema schema = LabelSchema.of("a;b", "cat");
        LabelId semi = LabelId.of(1), cat = LabelId.of(2);
        Item item = Item.of("x", ImageRef.of(dir.resolve("gone.png").toString()), List.of(
                new Tag(AnnotationInfo.of(semi).withAttribute("why", AttributeValue.of("x"))),
                BoxAnnotation.of(cat, new PixelBox(0, 0, 1, 1))));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        format.writer().orElseThrow().write(InMemoryDataset.of(schema, List.of(item)), dir.resolve("out"), report);
        List<String> w = report.warnings().stream().map(Problem::message).toList();
        for (String e : List.of("class 1: field 'name'", "labels.csv: field 'kind'", "\"box (1 annotation)\"",
                "field 'attributes.why'", "item x: field 'image'")) {
            assertTrue(w.stream().anyMatch(x -> x.contains(e)), () -> e + " in " + w);
        }
        assertEquals("image,label\r\nx.png,a_b\r\n", Files.readString(dir.resolve("out/labels.csv")));
    }

    @Test
    void keeps_single_labels_through_class_folders(@TempDir Path dir) throws IOException {
        DatasetFormat imagenet = Formats.standard().get("imagenet");
        LabelSchema schema = LabelSchema.of("cat", "dog");
        Path src = dir.resolve("src");
        Dataset original = InMemoryDataset.of(schema, List.of(
                Item.of("cat/1", ImageRef.of(png(src.resolve("1.png"), 3, 3).toString()), List.of(Tag.of(LabelId.of(1)))),
                Item.of("dog/2", ImageRef.of(png(src.resolve("2.png"), 3, 3).toString()), List.of(Tag.of(LabelId.of(2))))));
        format.writer().orElseThrow().write(original, dir.resolve("csv"), new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset fromCsv = format.reader().orElseThrow().read(dir.resolve("csv"), new ImportReport(ErrorPolicy.FAIL_FAST));
        imagenet.writer().orElseThrow().write(fromCsv, dir.resolve("folders"), new ImportReport(ErrorPolicy.FAIL_FAST));
        Dataset viaFolders = imagenet.reader().orElseThrow().read(dir.resolve("folders"), new ImportReport(ErrorPolicy.FAIL_FAST));
        format.writer().orElseThrow().write(viaFolders, dir.resolve("csv2"), new ImportReport(ErrorPolicy.FAIL_FAST));
        assertEquals(Files.readString(dir.resolve("csv/labels.csv")), Files.readString(dir.resolve("csv2/labels.csv")));
        assertEquals(List.of("cat", "dog"), viaFolders.schema().classes().stream().map(LabelClass::name).toList());
    }
}
