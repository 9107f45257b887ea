package dev.annota.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleCodec;
import dev.annota.core.geometry.RleOps;
import dev.annota.infer.decode.Nms;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** U²-Netp on the pineapple, against u2netp/MODEL.md (foreground 15.5 %, box at 320×320 = [97,45,223,254]). */
class SegmentationModelTest {
    static Predictor u2net;
    static SegmentMask mask;

    @BeforeAll
    static void load() throws IOException {
        u2net = SharedModels.load("u2netp");
        Prediction p = u2net.predict(SharedModels.photo("pineapple.png"));
        assertEquals(1, p.masks().size());
        mask = p.masks().get(0);
    }

    @AfterAll
    static void close() {
        if (u2net != null) {
            u2net.close();
        }
    }

    @Test
    void the_mask_has_the_original_size_and_the_foreground_share_model_md_reports() {
        assertEquals(744, mask.mask().width());
        assertEquals(850, mask.mask().height());
        assertEquals("foreground", mask.label().name());
        double share = mask.mask().area() / (744.0 * 850.0);
        assertEquals(0.155, share, 0.01);
        assertTrue(mask.score() > 0.9, "mean probability inside the mask: " + mask.score());
    }

    @Test
    void the_mask_box_matches_model_md_box_scaled_to_the_original() {
        double sx = 744 / 320.0;
        double sy = 850 / 320.0;
        PixelBox expected = PixelBox.fromCorners(97 * sx, 45 * sy, 223 * sx, 254 * sy);
        assertTrue(Nms.iou(expected, mask.box()) > 0.95, mask.box() + " vs " + expected);
    }

    @Test
    void the_polygon_outline_covers_the_same_pixels_as_the_mask() {
        Polygon polygon = mask.polygon(1.0, 50).orElseThrow();
        Rle back = PolygonRasterizer.rasterize(polygon, 850, 744);
        assertTrue(RleOps.iou(back, mask.mask()) > 0.97, "IoU " + RleOps.iou(back, mask.mask()));
    }

    @Test
    void the_mask_survives_a_coco_rle_round_trip() {
        String counts = RleCodec.encode(mask.mask());
        assertEquals(mask.mask(), RleCodec.decode(counts, 850, 744));
    }
}
