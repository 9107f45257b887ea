package dev.annota.formats.cvat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.EllipseAnnotation;
import dev.annota.core.annotation.CuboidAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.Ellipse;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.geometry.Visibility;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written the way CVAT 2.x writes them (its exporter's attribute order, two-decimal numbers, the
 * skeleton {@code <svg>} with {@code data-node-from/to} and {@code data-label-name}, masks as box RLE), and the
 * odd layouts a reader must survive: {@code <meta>} after the images, no {@code <meta>} at all.
 */
class CvatSyntaxTest {
    @TempDir
    Path dir;

    static final String CVAT_EXPORT = """
            <?xml version="1.0" encoding="utf-8"?>
            <annotations>
              <version>1.1</version>
              <meta>
                <task>
                  <id>7</id>
                  <name>demo</name>
                  <size>1</size>
                  <mode>annotation</mode>
                  <subset>Train</subset>
                  <labels>
                    <label>
                      <name>person</name>
                      <color>#fa3253</color>
                      <type>skeleton</type>
                      <attributes>
                      </attributes>
                      <svg>&lt;line x1="10" y1="10" x2="20" y2="20" stroke="black" data-type="edge" data-node-from="2" stroke-width="0.5" data-node-to="1"&gt;&lt;/line&gt;&lt;line x1="1" y1="1" x2="2" y2="2" data-type="edge" data-node-from="3" data-node-to="1"&gt;&lt;/line&gt;&lt;circle r="1.5" stroke="black" fill="#b3b3b3" cx="10" cy="10" stroke-width="0.1" data-type="element node" data-element-id="1" data-node-id="1" data-label-name="nose"&gt;&lt;/circle&gt;&lt;circle r="1.5" cx="20" cy="20" data-type="element node" data-element-id="2" data-node-id="2" data-label-name="left eye"&gt;&lt;/circle&gt;&lt;circle r="1.5" cx="30" cy="20" data-type="element node" data-element-id="3" data-node-id="3" data-label-name="right eye"&gt;&lt;/circle&gt;</svg>
                    </label>
                    <label>
                      <name>nose</name>
                      <color>#d12345</color>
                      <type>points</type>
                      <attributes>
                      </attributes>
                      <parent>person</parent>
                    </label>
                    <label>
                      <name>left eye</name>
                      <color>#d12346</color>
                      <type>points</type>
                      <attributes>
                      </attributes>
                      <parent>person</parent>
                    </label>
                    <label>
                      <name>right eye</name>
                      <color>#d12347</color>
                      <type>points</type>
                      <attributes>
                      </attributes>
                      <parent>person</parent>
                    </label>
                    <label>
                      <name>blob</name>
                      <color>#33ddff</color>
                      <type>any</type>
                      <attributes>
                        <attribute>
                          <name>kind</name>
                          <mutable>False</mutable>
                          <input_type>select</input_type>
                          <default_value>round</default_value>
                          <values>round
            flat
            very flat</values>
                        </attribute>
                      </attributes>
                    </label>
                  </labels>
                </task>
                <dumped>2024-05-01 10:00:00.000000+00:00</dumped>
              </meta>
              <image id="0" name="frame_000000.png" width="6" height="5">
                <box label="blob" source="semi-auto" occluded="0" xtl="1.00" ytl="1.00" xbr="5.00" ybr="3.00" rotation="45.00" z_order="0">
                  <attribute name="kind">very flat</attribute>
                </box>
                <ellipse label="blob" source="auto" occluded="1" cx="3.00" cy="2.50" rx="2.00" ry="1.00" rotation="10.00" z_order="1">
                </ellipse>
                <cuboid label="blob" source="manual" occluded="0" xtl1="1.00" ytl1="1.00" xbl1="1.00" ybl1="3.00" xtr1="3.00" ytr1="1.00" xbr1="3.00" ybr1="3.00" xtl2="2.00" ytl2="0.50" xbl2="2.00" ybl2="2.50" xtr2="4.00" ytr2="0.50" xbr2="4.00" ybr2="2.50" z_order="0">
                </cuboid>
                <mask label="blob" source="manual" occluded="0" rle="1, 2, 1, 3, 1" left="2" top="1" width="4" height="2" z_order="0" group_id="4">
                </mask>
                <skeleton label="person" source="manual" z_order="0" group_id="4">
                  <points label="left eye" source="manual" outside="0" occluded="1" points="2.50,1.00">
                  </points>
                  <points label="nose" source="manual" outside="0" occluded="0" points="2.00,2.00">
                  </points>
                  <points label="right eye" source="manual" outside="1" occluded="0" points="3.00,1.00">
                  </points>
                </skeleton>
                <tag label="blob" source="manual">
                </tag>
              </image>
            </annotations>
            """;

    Dataset read(String xml, ImportReport report) throws IOException {
        Files.writeString(dir.resolve("annotations.xml"), xml);
        CvatRoundTripTest.png(dir.resolve("images"), "frame_000000.png", 6, 5);
        return new CvatReader().read(dir, report);
    }

    static List<Item> items(Dataset d) {
        try (Stream<Item> s = d.items()) {
            return s.toList();
        }
    }

    @Test
    void reads_a_cvat_2_export_with_skeleton_svg_mask_cuboid_ellipse_and_rotated_box() throws IOException {
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = read(CVAT_EXPORT, report);
        assertEquals("cvat", Formats.standard().detect(dir).format().name());

        // sub-labels are the skeleton's points, in their order; the svg's edges join them by node id
        assertEquals(List.of("person", "blob"), d.schema().classes().stream().map(LabelClass::name).toList());
        LabelClass person = d.schema().byName("person").orElseThrow();
        assertEquals(Optional.of(Skeleton.of(List.of("nose", "left eye", "right eye"), new int[] {1, 0}, new int[] {2, 0})),
                person.skeleton());
        assertEquals("#FA3253", person.colour());

        Item item = items(d).get(0);
        assertEquals("Train", item.subset(), "the task's <subset>");
        assertEquals("frame_000000", item.id());
        List<Annotation> a = item.annotations();
        assertEquals(List.of("rotated_box", "ellipse", "cuboid", "mask", "keypoints", "tag"),
                a.stream().map(x -> x.kind().wireName()).toList());

        RotatedBoxAnnotation box = (RotatedBoxAnnotation) a.get(0);
        assertEquals(new RotatedBox(3, 2, 4, 2, 45), box.box());
        assertEquals(CvatFormat.SEMI_AUTO, box.info().source());
        assertEquals("very flat", box.info().attributes().get("kind").display());

        EllipseAnnotation ellipse = (EllipseAnnotation) a.get(1);
        assertEquals(new Ellipse(3, 2.5, 2, 1, 10), ellipse.ellipse());
        assertEquals(CvatFormat.AUTO, ellipse.info().source());
        assertTrue(ellipse.info().occluded());

        CuboidAnnotation cuboid = (CuboidAnnotation) a.get(2);
        assertEquals(List.of(new Point(1, 1), new Point(1, 3), new Point(3, 1), new Point(3, 3)), cuboid.cuboid().front());
        assertEquals(List.of(new Point(2, 0.5), new Point(2, 2.5), new Point(4, 0.5), new Point(4, 2.5)), cuboid.cuboid().back());

        // rle "1, 2, 1, 3, 1" over the 4x2 box at (2,1), row by row: .##. / ###.
        MaskAnnotation mask = (MaskAnnotation) a.get(3);
        boolean[] expected = new boolean[6 * 5];
        for (int x : new int[] {3, 4}) {
            expected[1 * 6 + x] = true;
        }
        for (int x : new int[] {2, 3, 4}) {
            expected[2 * 6 + x] = true;
        }
        assertEquals(Rle.fromBitmap(expected, 5, 6), mask.mask());
        assertEquals(new ImageSize(6, 5), mask.mask().size());
        assertEquals(5, mask.mask().area());

        KeypointsAnnotation kp = (KeypointsAnnotation) a.get(4);
        assertEquals(List.of(Keypoint.visible(2, 2), Keypoint.occluded(2.5, 1), new Keypoint(new Point(3, 1), Visibility.ABSENT)),
                kp.keypoints().points());
        assertEquals(mask.info().groupId(), kp.info().groupId());
        assertEquals(Source.human(), kp.info().source());
        assertTrue(a.get(5) instanceof Tag);
        assertTrue(report.isClean(), () -> report.problems().toString());
    }

    @Test
    void reads_a_file_whose_meta_comes_after_the_images() throws IOException {
        String meta = CVAT_EXPORT.substring(CVAT_EXPORT.indexOf("  <meta>"), CVAT_EXPORT.indexOf("  <image"));
        String moved = CVAT_EXPORT.replace(meta, "").replace("</annotations>", meta + "</annotations>");
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = read(moved, report);
        assertTrue(report.isClean(), () -> report.problems().toString());
        assertEquals(6, items(d).get(0).annotations().size());
        assertEquals(3, d.schema().byName("person").orElseThrow().skeleton().orElseThrow().size());
    }

    @Test
    void builds_the_schema_from_the_shapes_when_meta_is_missing_and_warns_per_label() throws IOException {
        String meta = CVAT_EXPORT.substring(CVAT_EXPORT.indexOf("  <meta>"), CVAT_EXPORT.indexOf("  <image"));
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = read(CVAT_EXPORT.replace(meta, ""), report);
        assertEquals(List.of("blob", "person"), d.schema().classes().stream().map(LabelClass::name).toList());
        // the skeleton's points come from its <points> children, in the order seen
        assertEquals(List.of("left eye", "nose", "right eye"),
                d.schema().byName("person").orElseThrow().skeleton().orElseThrow().points());
        Item item = items(d).get(0);
        assertEquals(6, item.annotations().size());
        assertEquals("default", item.subset());
        List<String> warnings = report.warnings().stream().map(Problem::message).toList();
        assertEquals(6, warnings.stream().filter(w -> w.contains("expected a label declared in <labels>")).count(), warnings::toString);
        assertTrue(warnings.stream().anyMatch(w -> w.contains("box.attribute.kind") && w.contains("kept as text")), warnings::toString);
        assertTrue(report.errors().isEmpty(), report.problems()::toString);
    }

    @Test
    void maps_a_cvat_mask_to_coco_rle_and_back_exactly() {
        // a 3x2 box at (1,1) in a 5x4 image: row 0 "#.#", row 1 ".##" → runs 0,1,1,1,1,2
        int[] runs = {0, 1, 1, 1, 1, 2};
        long[] outside = new long[1];
        Rle rle = CvatMasks.toRle(new CvatMasks.BoxRle(1, 1, 3, 2, runs), new ImageSize(5, 4), outside);
        boolean[] bits = new boolean[5 * 4];
        bits[1 * 5 + 1] = true;
        bits[1 * 5 + 3] = true;
        bits[2 * 5 + 2] = true;
        bits[2 * 5 + 3] = true;
        assertEquals(Rle.fromBitmap(bits, 4, 5), rle);
        assertEquals(0, outside[0]);
        CvatMasks.BoxRle back = CvatMasks.fromRle(rle).orElseThrow();
        assertEquals(List.of(1, 1, 3, 2), List.of(back.left(), back.top(), back.width(), back.height()));
        assertEquals(List.of(0, 1, 1, 1, 1, 2), java.util.Arrays.stream(back.runs()).boxed().toList());

        // a box reaching past the image: the pixels outside are counted and cut off
        Rle cut = CvatMasks.toRle(new CvatMasks.BoxRle(4, 3, 2, 2, new int[] {0, 4}), new ImageSize(5, 4), outside);
        assertEquals(1, cut.area());
        assertEquals(3, outside[0]);
    }
}
