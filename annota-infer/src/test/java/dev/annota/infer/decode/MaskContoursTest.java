package dev.annota.infer.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskContoursTest {
    static boolean[] draw(int w, int h, String... rows) {
        boolean[] b = new boolean[w * h];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < rows[y].length(); x++) {
                b[y * w + x] = rows[y].charAt(x) == '#';
            }
        }
        return b;
    }

    @Test
    void a_rectangle_becomes_its_four_pixel_corners() {
        boolean[] b = draw(6, 5, "......", ".###..", ".###..", "......");
        List<List<Point>> rings = MaskContours.outlines(b, 6, 5, 0, 1);
        assertEquals(List.of(List.of(new Point(1, 1), new Point(4, 1), new Point(4, 3), new Point(1, 3))), rings);
    }

    @Test
    void an_l_shape_keeps_its_concave_corner() {
        boolean[] b = draw(3, 3, "#..", "#..", "###");
        List<Point> ring = MaskContours.outlines(b, 3, 3, 0, 1).get(0);
        assertEquals(6, ring.size(), ring.toString());
        assertEquals(5.0, new Polygon(List.of(ring)).area(), 1e-9);
    }

    @Test
    void regions_touching_only_at_a_corner_are_separate_parts_largest_first() {
        boolean[] b = draw(4, 4, "##..", "##..", "..#.", "....");
        List<List<Point>> rings = MaskContours.outlines(b, 4, 4, 0, 1);
        assertEquals(2, rings.size());
        assertEquals(4.0, new Polygon(List.of(rings.get(0))).area(), 1e-9);
        assertEquals(1.0, new Polygon(List.of(rings.get(1))).area(), 1e-9);
    }

    @Test
    void regions_below_the_minimum_area_are_left_out() {
        boolean[] b = draw(5, 1, "#.###");
        assertEquals(1, MaskContours.outlines(b, 5, 1, 0, 2).size());
    }

    @Test
    void an_unsimplified_outline_rasterises_back_to_the_same_pixels() {
        Random rnd = new Random(7);
        int w = 40;
        int h = 30;
        boolean[] b = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double dx = (x - 20) / 15.0;
                double dy = (y - 15) / 10.0;
                b[y * w + x] = dx * dx + dy * dy < 1 + 0.2 * rnd.nextGaussian();
            }
        }
        Rle mask = Rle.fromBitmap(b, h, w);
        Polygon p = MaskContours.polygon(mask, 0, 1).orElseThrow();
        Rle back = PolygonRasterizer.rasterize(p, h, w);
        assertTrue(RleOps.iou(back, mask) > 0.97, "IoU " + RleOps.iou(back, mask));
    }

    @Test
    void an_empty_mask_has_no_polygon() {
        assertTrue(MaskContours.polygon(Rle.empty(4, 4), 1, 1).isEmpty());
    }
}
