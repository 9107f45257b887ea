package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PolygonRasterizer#area} gives exactly the pixel area of {@link PolygonRasterizer#rasterize}: on
 * thousands of random polygons (inside, across and outside the image, tiny, self-crossing, degenerate, in
 * one-pixel-wide images, with integer, two-decimal and full-precision coordinates) and on pycocotools' own
 * areas in the shared COCO evaluation case.
 */
class PolygonAreaTest {

    @Test
    void equals_the_area_of_the_rasterised_mask_on_random_polygons() {
        Random r = new Random(20240611);
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (int i = 0; i < 20_000; i++) {
            int h = 1 + r.nextInt(r.nextInt(8) == 0 ? 4 : 300);
            int w = 1 + r.nextInt(r.nextInt(8) == 0 ? 4 : 300);
            Polygon polygon = randomPolygon(r, h, w);
            cases++;
            long expected = PolygonRasterizer.rasterize(polygon, h, w).area();
            long actual = PolygonRasterizer.area(polygon, h, w);
            if (expected != actual && wrong.size() < 10) {
                wrong.add(h + "x" + w + " " + polygon.toFlat().stream().map(Arrays::toString).toList()
                        + ": " + actual + " instead of " + expected);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(20_000, cases);
    }

    @Test
    void reproduces_pycocotools_area_of_every_polygon_in_the_segm_case() {
        JsonNode gt = SharedReference.json("cocoeval/cases/segm_polygon/gt.json");
        java.util.Map<Integer, ImageSize> sizes = new java.util.HashMap<>();
        for (JsonNode im : gt.get("images")) {
            sizes.put(im.get("id").asInt(), new ImageSize(im.get("width").asInt(), im.get("height").asInt()));
        }
        int checked = 0;
        for (JsonNode ann : gt.get("annotations")) {
            Polygon polygon = SharedReference.polygon(ann.get("segmentation"));
            ImageSize size = sizes.get(ann.get("image_id").asInt());
            assertEquals(ann.get("area").asDouble(), (double) PolygonRasterizer.area(polygon, size),
                    "area of annotation " + ann.get("id"));
            checked++;
        }
        assertTrue(checked > 0);
    }

    @Test
    void unites_the_parts_of_a_multi_part_polygon() {
        Polygon twoParts = Polygon.fromFlat(List.of(
                new double[] {0, 0, 4, 0, 4, 4, 0, 4}, new double[] {2, 2, 6, 2, 6, 6, 2, 6}));
        assertEquals(16 + 16 - 4, PolygonRasterizer.area(twoParts, 8, 8));
    }

    @Test
    void rejects_an_empty_image_as_rasterize_does() {
        Polygon triangle = Polygon.fromFlat(List.of(new double[] {0, 0, 4, 0, 4, 4}));
        assertThrows(ValidationException.class, () -> PolygonRasterizer.area(triangle, 0, 5));
        assertThrows(ValidationException.class, () -> PolygonRasterizer.rasterize(triangle, 0, 5));
    }

    private static Polygon randomPolygon(Random r, int h, int w) {
        int parts = r.nextInt(10) == 0 ? 2 + r.nextInt(2) : 1;
        List<double[]> flat = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            flat.add(randomRing(r, h, w));
        }
        return Polygon.fromFlat(flat);
    }

    private static double[] randomRing(Random r, int h, int w) {
        int n = 3 + r.nextInt(r.nextInt(4) == 0 ? 40 : 14);
        double[] xy = new double[2 * n];
        switch (r.nextInt(8)) {
            case 0 -> { // anywhere, vertices in random order: self-crossing outlines
                for (int v = 0; v < n; v++) {
                    xy[2 * v] = coordinate(r, -0.5 * w + r.nextDouble() * 2 * w);
                    xy[2 * v + 1] = coordinate(r, -0.5 * h + r.nextDouble() * 2 * h);
                }
            }
            case 1 -> { // a single point repeated, or collinear points
                double x = coordinate(r, r.nextDouble() * w), y = coordinate(r, r.nextDouble() * h);
                double dx = r.nextBoolean() ? 0 : coordinate(r, r.nextDouble() * 3), dy = r.nextBoolean() ? 0 : coordinate(r, r.nextDouble() * 3);
                for (int v = 0; v < n; v++) {
                    xy[2 * v] = x + (v % 3) * dx;
                    xy[2 * v + 1] = y + (v % 3) * dy;
                }
            }
            case 2 -> { // far outside the image, or enclosing all of it
                double scale = 1 + r.nextDouble() * 20;
                for (int v = 0; v < n; v++) {
                    double a = 2 * Math.PI * v / n;
                    xy[2 * v] = coordinate(r, w / 2.0 + scale * w * Math.cos(a) + (r.nextBoolean() ? 0 : 5 * w));
                    xy[2 * v + 1] = coordinate(r, h / 2.0 + scale * h * Math.sin(a));
                }
            }
            case 3 -> { // tiny: under a pixel
                double cx = r.nextDouble() * w, cy = r.nextDouble() * h;
                for (int v = 0; v < n; v++) {
                    xy[2 * v] = coordinate(r, cx + r.nextDouble() * 0.8);
                    xy[2 * v + 1] = coordinate(r, cy + r.nextDouble() * 0.8);
                }
            }
            default -> { // a star around a centre that may lie near or past an edge
                double cx = -0.2 * w + r.nextDouble() * 1.4 * w, cy = -0.2 * h + r.nextDouble() * 1.4 * h;
                double radius = 0.5 + r.nextDouble() * Math.max(w, h) / 2.0;
                for (int v = 0; v < n; v++) {
                    double a = 2 * Math.PI * v / n, rr = radius * (0.3 + 0.7 * r.nextDouble());
                    xy[2 * v] = coordinate(r, cx + rr * Math.cos(a));
                    xy[2 * v + 1] = coordinate(r, cy + rr * Math.sin(a));
                }
            }
        }
        return xy;
    }

    /** An integer, two decimals (as COCO files have), half-pixel or full precision. */
    private static double coordinate(Random r, double v) {
        return switch (r.nextInt(5)) {
            case 0 -> Math.round(v);
            case 1 -> Math.round(v * 2) / 2.0;
            case 2 -> v;
            default -> Math.round(v * 100) / 100.0;
        };
    }
}
