package dev.annota.formats.voc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.masks.PalettePng;
import dev.annota.formats.masks.ShapesScenes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per field rule of the VOC reader: the error names file, line and element, field and value. */
class VocFieldErrorsTest {
    static final String XML = """
            <annotation>
              <filename>a.png</filename>
              <size><width>20</width><height>10</height><depth>3</depth></size>
              <object>
                <name>cat</name>
                <truncated>0</truncated>
                <difficult>0</difficult>
                <occluded>0</occluded>
                <bndbox>
                  <xmin>1</xmin>
                  <ymin>2</ymin>
                  <xmax>3</xmax>
                  <ymax>4</ymax>
                </bndbox>
              </object>
              <object><name>dog</name><bndbox><xmin>5</xmin><ymin>5</ymin><xmax>8</xmax><ymax>8</ymax></bndbox></object>
            </annotation>
            """;

    static Path dataset(Path dir, String file, String from, String to) throws IOException {
        Files.createDirectories(dir.resolve("Annotations"));
        Files.createDirectories(dir.resolve("ImageSets/Main"));
        PalettePng.writeRgb(dir.resolve("JPEGImages/a.png"), 20, 10, new int[200]);
        Files.writeString(dir.resolve("Annotations/a.xml"), XML);
        Files.writeString(dir.resolve("ImageSets/Main/train.txt"), "a\n");
        Files.writeString(dir.resolve("ImageSets/Main/cat_train.txt"), "a  1\n");
        Files.writeString(dir.resolve("labelmap.txt"), "background:0,0,0::\ncat:128,0,0::\ndog:0,128,0::\n");
        Path target = dir.resolve(file);
        String text = Files.readString(target);
        assertTrue(text.contains(from), from);
        Files.writeString(target, text.replace(from, to));
        return dir;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "box corner not a number | Annotations/a.xml | <xmin>1</xmin> | <xmin>abc</xmin> | Annotations/a.xml:10 /annotation/object[0]/bndbox/xmin | xmin | abc | true",
        "xmax left of xmin       | Annotations/a.xml | <xmax>3</xmax> | <xmax>0</xmax> | Annotations/a.xml:12 /annotation/object[0]/bndbox/xmax | xmax | 0 | true",
        "ymax above ymin         | Annotations/a.xml | <ymax>4</ymax> | <ymax>1</ymax> | Annotations/a.xml:13 /annotation/object[0]/bndbox/ymax | ymax | 1 | true",
        "object without name     | Annotations/a.xml | <name>cat</name> | <name> </name> | Annotations/a.xml:4 /annotation/object[0] | name | NULL | true",
        "object without box      | Annotations/a.xml | bndbox><xmin>5</xmin><ymin>5</ymin><xmax>8</xmax><ymax>8</ymax></bndbox | box><xmin>5</xmin><ymin>5</ymin><xmax>8</xmax><ymax>8</ymax></box | Annotations/a.xml:16 /annotation/object[1] | bndbox | NULL | false",
        "truncated not a flag    | Annotations/a.xml | <truncated>0 | <truncated>maybe | Annotations/a.xml:6 /annotation/object[0]/truncated | truncated | maybe | true",
        "difficult not a flag    | Annotations/a.xml | <difficult>0 | <difficult>2 | Annotations/a.xml:7 /annotation/object[0]/difficult | difficult | 2 | true",
        "occluded not a flag     | Annotations/a.xml | <occluded>0 | <occluded>x | Annotations/a.xml:8 /annotation/object[0]/occluded | occluded | x | true",
        "malformed XML           | Annotations/a.xml | </annotation> | </annotatio> | Annotations/a.xml:17 | (xml) | NULL | false",
        "image path climbs out   | Annotations/a.xml | <filename>a.png | <filename>../../x.png | Annotations/a.xml /annotation/filename | filename | ../../x.png | false",
        "class list presence     | ImageSets/Main/cat_train.txt | a  1 | a  2 | ImageSets/Main/cat_train.txt:1 | presence | 2 | true",
        "labelmap colour         | labelmap.txt | cat:128,0,0 | cat:128,0 | labelmap.txt:2 | colour | '128,0' | true",
    })
    void names_file_location_field_and_value(String rule, String file, String from, String to, String location, String field,
            String value, boolean dogSurvives, @TempDir Path dir) throws IOException {
        Path data = dataset(dir, file, from, to);
        ValidationException e = assertThrows(ValidationException.class,
                () -> new VocFormat().reader().orElseThrow().read(data, new ImportReport(ErrorPolicy.FAIL_FAST)));
        FieldError fe = e.errors().get(0);
        assertEquals(field, fe.field(), e.getMessage());
        assertEquals(value, fe.value() == null ? null : fe.value().strip(), e.getMessage());
        assertTrue(fe.location().startsWith(location), () -> fe.location() + " should start with " + location);
        assertTrue(e.getMessage().startsWith(location), e.getMessage());

        ImportReport collected = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new VocFormat().reader().orElseThrow().read(data, collected);
        assertEquals(1, collected.errors().size(), () -> collected.problems().toString());
        if (dogSurvives) {
            long dogs = ShapesScenes.items(d).stream().flatMap(i -> i.annotations().stream())
                    .filter(a -> a instanceof BoxAnnotation && d.schema().get(a.label()).orElseThrow().name().equals("dog")).count();
            assertEquals(1, dogs, "the rest of the file survives under COLLECT");
        }
    }
}
