package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per field rule: an {@code annotations.xml} whose second shape breaks the rule fails fast with a
 * message naming the file and line, the element and attribute, and the value; collecting, the good box survives.
 */
class CvatFieldErrorsTest {
    @TempDir
    Path dir;

    static String file(String image) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <annotations>
                  <version>1.1</version>
                  <meta><task><labels>
                    <label><name>car</name><type>any</type><attributes>
                      <attribute><name>parked</name><input_type>checkbox</input_type><default_value>false</default_value><values>false
                true</values></attribute>
                      <attribute><name>doors</name><input_type>number</input_type><default_value>2</default_value><values>2
                5
                1</values></attribute>
                    </attributes></label>
                    <label><name>person</name><type>skeleton</type><attributes/><svg></svg></label>
                    <label><name>head</name><type>points</type><attributes/><parent>person</parent></label>
                    <label><name>tail</name><type>points</type><attributes/><parent>person</parent></label>
                  </labels></task></meta>
                %s
                </annotations>
                """.formatted(image);
    }

    static String image(String badShape) {
        return """
                  <image id="0" name="a.png" width="100" height="80">
                    <box label="car" xtl="1" ytl="2" xbr="3" ybr="4" z_order="0"/>
                    %s
                  </image>""".formatted(badShape);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "xtl not a number           | <box label='car' xtl='abc' ytl='2' xbr='3' ybr='4'/>                  | box.xtl              | abc",
        "ybr missing                | <box label='car' xtl='1' ytl='2' xbr='3'/>                            | box.ybr              | nothing",
        "xbr left of xtl            | <box label='car' xtl='5' ytl='2' xbr='3' ybr='4'/>                    | box.xbr              | 3",
        "rotation not a number      | <box label='car' xtl='1' ytl='2' xbr='3' ybr='4' rotation='x'/>       | box.rotation         | x",
        "occluded neither 0 nor 1   | <box label='car' xtl='1' ytl='2' xbr='3' ybr='4' occluded='maybe'/>   | box.occluded         | maybe",
        "z_order not whole          | <box label='car' xtl='1' ytl='2' xbr='3' ybr='4' z_order='1.5'/>      | box.z_order          | 1.5",
        "negative group_id          | <box label='car' xtl='1' ytl='2' xbr='3' ybr='4' group_id='-2'/>      | box.group_id         | -2",
        "checkbox value             | <box label='car' xtl='1' ytl='2' xbr='3' ybr='4'><attribute name='parked'>maybe</attribute></box> | box.attribute.parked | maybe",
        "number value               | <box label='car' xtl='1' ytl='2' xbr='3' ybr='4'><attribute name='doors'>many</attribute></box>   | box.attribute.doors  | many",
        "points pair without y      | <polygon label='car' points='1,2;3;5,6'/>                             | polygon.points       | 3",
        "polygon of two points      | <polygon label='car' points='1,2;3,4'/>                               | polygon.points       | 1,2;3,4",
        "polyline of one point      | <polyline label='car' points='1,2'/>                                  | polyline.points      | 1,2",
        "points without points      | <points label='car'/>                                                 | points.points        | nothing",
        "negative ellipse radius    | <ellipse label='car' cx='5' cy='5' rx='-1' ry='2'/>                   | ellipse.rx           | -1",
        "cuboid corner missing      | <cuboid label='car' xtl1='0' ytl1='0' xbl1='0' ybl1='1' xtr1='1' ytr1='0' xbr1='1' ybr1='1' xtl2='2' ytl2='2' xbl2='2' ybl2='3' xtr2='3' ytr2='2' xbr2='3'/> | cuboid.ybr2 | nothing",
        "mask run not a number      | <mask label='car' rle='1, x' left='0' top='0' width='2' height='1'/>  | mask.rle             | x",
        "mask runs not summing      | <mask label='car' rle='1, 4' left='0' top='0' width='2' height='1'/>  | mask.rle             | sum 5",
        "mask width zero            | <mask label='car' rle='0' left='0' top='0' width='0' height='1'/>     | mask.width           | 0",
        "skeleton point unknown     | <skeleton label='person'><points label='wing' points='1,2'/></skeleton> | skeleton.points.label | wing",
        "skeleton point of two      | <skeleton label='person'><points label='head' points='1,2;3,4'/></skeleton> | skeleton.points.points | 1,2;3,4",
    })
    void names_the_file_line_field_and_value(String rule, String shape, String field, String value) throws IOException {
        String xml = file(image(shape.replace('\'', '"')));
        Path f = dir.resolve("annotations.xml");
        Files.writeString(f, xml);
        int line = Arrays.asList(xml.split("\n")).stream().map(String::strip).toList().indexOf(shape.replace('\'', '"')) + 1;
        assertTrue(line > 0, xml);

        ValidationException e = assertThrows(ValidationException.class, () -> {
            Dataset d = new CvatReader().read(f, new ImportReport(ErrorPolicy.FAIL_FAST));
            try (Stream<Item> items = d.items()) {
                items.forEach(i -> { });
            }
        });
        String m = e.getMessage();
        assertTrue(m.startsWith("annotations.xml:" + line + ": "), m);
        assertTrue(m.contains("field '" + field + "'"), m);
        assertTrue(m.contains(value.equals("nothing") ? "got nothing" : "got \"" + value + "\""), m);

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CvatReader().read(f, report);
        try (Stream<Item> items = d.items()) {
            List<Item> all = items.toList();
            assertEquals(1, all.size());
            assertEquals(1, all.get(0).annotations().size(), "the good box survives");
            assertTrue(all.get(0).annotations().get(0) instanceof BoxAnnotation);
        }
        assertEquals(1, report.errors().size(), report.problems()::toString);
        assertEquals(m, report.errors().get(0).error().message());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "width not a number     | <image id='0' name='a.png' width='abc' height='80'>   | image.width  | abc",
        "height zero            | <image id='0' name='a.png' width='100' height='0'>    | image.height | 0",
        "name climbing out      | <image id='0' name='../../a.png' width='9' height='9'> | image.name   | ../../a.png",
        "name absolute          | <image id='0' name='/etc/passwd' width='9' height='9'> | image.name   | /etc/passwd",
    })
    void skips_a_broken_image_and_keeps_the_next(String rule, String open, String field, String value) throws IOException {
        String bad = open.replace('\'', '"') + "<box label=\"car\" xtl=\"1\" ytl=\"2\" xbr=\"3\" ybr=\"4\"/></image>";
        String good = "<image id=\"1\" name=\"b.png\" width=\"10\" height=\"10\"><tag label=\"car\"/></image>";
        Path f = dir.resolve("annotations.xml");
        String xml = file(bad + "\n" + good);
        Files.writeString(f, xml);
        int line = Arrays.asList(xml.split("\n")).indexOf(bad) + 1;
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CvatReader().read(f, report);
        try (Stream<Item> items = d.items()) {
            assertEquals(List.of("b"), items.map(Item::id).toList());
        }
        String m = report.errors().get(0).error().message();
        assertTrue(m.startsWith("annotations.xml:" + line + ": field '" + field + "'"), m);
        assertTrue(m.contains("got \"" + value + "\""), m);
    }

    @Test
    void refuses_external_entities_and_reads_no_other_file() throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET");
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE annotations [<!ENTITY xxe SYSTEM "%s">]>
                <annotations><version>1.1</version>
                <meta><task><labels><label><name>&xxe;</name></label></labels></task></meta>
                <image id="0" name="a.png" width="4" height="4"><tag label="&xxe;"/></image>
                </annotations>
                """.formatted(secret.toUri());
        Path f = dir.resolve("evil.xml");
        Files.writeString(f, xml);
        ValidationException e = assertThrows(ValidationException.class,
                () -> new CvatReader().read(f, new ImportReport(ErrorPolicy.FAIL_FAST)));
        assertTrue(e.getMessage().startsWith("evil.xml:"), e.getMessage());
        assertTrue(e.getMessage().contains("field '(xml)'"), e.getMessage());
        assertTrue(!e.getMessage().contains("TOP-SECRET"), e.getMessage());

        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = new CvatReader().read(f, report);
        assertTrue(d.schema().classes().stream().noneMatch(c -> c.name().contains("TOP-SECRET")));
        try (Stream<Item> items = d.items()) {
            assertTrue(items.noneMatch(i -> i.toString().contains("TOP-SECRET")));
        }
        assertEquals(1, report.errors().size(), report.problems()::toString);
    }
}
