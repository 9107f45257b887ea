package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The COCO RLE masks and polygons in the shared format samples (datumaro's COCO test assets). The other
 * samples (panoptic PNGs, CVAT, Label Studio, VOC, YOLO, Cityscapes, ImageNet) hold no COCO RLE.
 */
class FormatSampleRleTest {

    @ParameterizedTest
    @CsvSource({
        "coco/instances_datumaro, instances_val.json",
        "coco/person_keypoints_datumaro, person_keypoints_val.json",
    })
    void decodes_the_uncompressed_rle_of_the_sample_to_its_expected_pixels(String sample, String file) {
        JsonNode expected = SharedReference.json("formats/" + sample + "/expected.json");
        JsonNode coco = SharedReference.json("formats/" + sample + "/data/annotations/" + file);
        int checked = 0;
        for (JsonNode check : expected.get("checks")) {
            if (!check.has("rle_foreground_pixels")) {
                continue;
            }
            JsonNode ann = annotation(coco, check.get("annotation_id").asInt());
            Rle mask = SharedReference.rle(ann.get("segmentation"));
            assertArrayEquals(SharedReference.ints(check.get("rle_size_hw")), new int[] {mask.height(), mask.width()});
            assertEquals(check.get("rle_foreground_pixels").asLong(), mask.area());
            assertEquals(ann.get("area").asDouble(), mask.area());
            // counts [0, 20, 30] in a 10x5 mask: the first two columns. pycocotools' toBbox is [0, 0, 2, 10];
            // the file's own bbox [0, 0, 1, 9] (hand-written in datumaro's assets) does not fit its mask.
            assertArrayEquals(new double[] {0, 0, 2, 10}, mask.boundingBox().toXywh());
            assertEquals(mask, RleCodec.decode(RleCodec.encode(mask), mask.height(), mask.width()));
            CocoSegmentationReferenceTest.assertConsistent(mask);
            checked++;
        }
        assertEquals(1, checked);
    }

    @ParameterizedTest
    @CsvSource({
        "coco/instances_datumaro, instances_val.json",
        "coco/person_keypoints_datumaro, person_keypoints_val.json",
    })
    void rasterises_the_polygon_of_the_sample_to_its_area_and_box(String sample, String file) {
        JsonNode coco = SharedReference.json("formats/" + sample + "/data/annotations/" + file);
        int checked = 0;
        for (JsonNode ann : coco.get("annotations")) {
            if (!ann.get("segmentation").isArray() || ann.get("segmentation").isEmpty()) {
                continue;
            }
            JsonNode image = coco.get("images").get(0);
            Rle mask = PolygonRasterizer.rasterize(SharedReference.polygon(ann.get("segmentation")),
                    image.get("height").asInt(), image.get("width").asInt());
            assertEquals(ann.get("area").asDouble(), mask.area());
            assertArrayEquals(SharedReference.doubles(ann.get("bbox")), mask.boundingBox().toXywh());
            checked++;
        }
        assertTrue(checked > 0);
    }

    private static JsonNode annotation(JsonNode coco, int id) {
        for (JsonNode ann : coco.get("annotations")) {
            if (ann.get("id").asInt() == id) {
                return ann;
            }
        }
        throw new AssertionError("no annotation " + id);
    }
}
