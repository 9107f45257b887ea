package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Polygon rasterisation and RLE strings against pycocotools' own numbers in the shared COCO evaluation cases:
 * a GT's {@code area} there is the pixel area of {@code annToRLE} of its polygon and its {@code bbox} is
 * {@code toBbox} of that mask; detections carry pycocotools' compressed strings.
 */
class CocoSegmentationReferenceTest {

    @Test
    void reproduces_pycocotools_area_and_bbox_of_every_polygon_in_the_segm_case() {
        JsonNode gt = SharedReference.json("cocoeval/cases/segm_polygon/gt.json");
        Map<Integer, ImageSize> sizes = sizes(gt);
        List<String> wrong = new ArrayList<>();
        int multiPart = 0;
        for (JsonNode ann : gt.get("annotations")) {
            Polygon polygon = SharedReference.polygon(ann.get("segmentation"));
            multiPart += polygon.parts().size() > 1 ? 1 : 0;
            Rle mask = PolygonRasterizer.rasterize(polygon, sizes.get(ann.get("image_id").asInt()));
            double[] bbox = SharedReference.doubles(ann.get("bbox"));
            if (mask.area() != ann.get("area").asDouble() || !java.util.Arrays.equals(bbox, RleOps.toBbox(mask).toXywh())) {
                wrong.add("annotation " + ann.get("id") + ": area " + mask.area() + " vs " + ann.get("area")
                        + ", bbox " + java.util.Arrays.toString(RleOps.toBbox(mask).toXywh()) + " vs " + ann.get("bbox"));
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(multiPart > 0, "the case should hold multi-part polygons");
    }

    @Test
    void reencodes_every_detection_string_of_the_segm_case_to_the_same_string() {
        JsonNode dt = SharedReference.json("cocoeval/cases/segm_polygon/dt.json");
        assertTrue(dt.size() > 0);
        for (JsonNode result : dt) {
            JsonNode segm = result.get("segmentation");
            Rle mask = SharedReference.rle(segm);
            assertEquals(segm.get("counts").asText(), RleCodec.encode(mask));
            assertConsistent(mask);
        }
    }

    /**
     * The hand-drawn shapes (faster_coco_eval's test set) were not written by pycocotools: their {@code area} is
     * the polygon's geometric (shoelace) area cut to an integer, and their box is the vertex box plus one pixel,
     * so they check geometric areas, not masks.
     */
    @ParameterizedTest
    @ValueSource(strings = {"gt.json", "dt.json"})
    void keeps_the_geometric_area_of_the_hand_drawn_shapes(String file) {
        JsonNode root = SharedReference.json("cocoeval/cases/real_shapes_bbox/" + file);
        JsonNode anns = root.isArray() ? root : root.get("annotations");
        assertTrue(anns.size() > 0);
        for (JsonNode ann : anns) {
            Polygon polygon = SharedReference.polygon(ann.get("segmentation"));
            assertEquals(ann.get("area").asDouble(), Math.floor(polygon.area()), "area of annotation " + ann.get("id"));
            assertEquals(polygon.area(), Iou.regionArea(polygon), 1e-9, "region area of annotation " + ann.get("id"));
            assertEquals(1.0, Iou.polygons(polygon, polygon), 1e-12);
        }
    }

    @Test
    void reads_the_crowd_mask_of_the_keypoints_case() {
        JsonNode gt = SharedReference.json("cocoeval/cases/keypoints_person/gt.json");
        int masks = 0;
        for (JsonNode ann : gt.get("annotations")) {
            if (ann.get("segmentation").isObject()) {
                Rle mask = SharedReference.rle(ann.get("segmentation"));
                assertEquals(ann.get("area").asDouble(), mask.area());
                assertArrayEquals(SharedReference.doubles(ann.get("bbox")), mask.boundingBox().toXywh());
                assertEquals(mask, SharedReference.rle(ann.get("segmentation")));
                assertEquals(mask, RleCodec.decode(RleCodec.encode(mask), mask.height(), mask.width()));
                assertConsistent(mask);
                masks++;
            }
        }
        assertEquals(1, masks);
    }

    /** Area, bbox and runs agree with the decoded bitmap. */
    static void assertConsistent(Rle mask) {
        boolean[] bits = mask.toBitmap();
        int count = 0, x1 = Integer.MAX_VALUE, y1 = Integer.MAX_VALUE, x2 = -1, y2 = -1;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (bits[y * mask.width() + x]) {
                    count++;
                    x1 = Math.min(x1, x);
                    y1 = Math.min(y1, y);
                    x2 = Math.max(x2, x);
                    y2 = Math.max(y2, y);
                }
            }
        }
        assertEquals(count, mask.area());
        assertEquals(mask, Rle.fromBitmap(bits, mask.height(), mask.width()));
        PixelBox box = RleOps.toBbox(mask);
        if (count == 0) {
            assertEquals(new PixelBox(0, 0, 0, 0), box);
            return;
        }
        // pycocotools' box: exact in x; in y exact, or the full height when a run crosses a column boundary
        assertEquals(x1, box.x());
        assertEquals(x2 + 1 - x1, box.width());
        boolean full = box.y() == 0 && box.height() == mask.height();
        assertTrue(full || (box.y() == y1 && box.height() == y2 + 1 - y1), "bbox " + box);
    }

    static Map<Integer, ImageSize> sizes(JsonNode coco) {
        Map<Integer, ImageSize> out = new HashMap<>();
        for (JsonNode image : coco.get("images")) {
            out.put(image.get("id").asInt(), new ImageSize(image.get("width").asInt(), image.get("height").asInt()));
        }
        return out;
    }
}
