package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PolygonRasterizerTest {

    @Test
    void fills_the_pixels_of_an_integer_box() {
        Rle mask = PolygonRasterizer.rasterize(new PixelBox(1, 1, 3, 2), 5, 6);
        assertEquals(6, mask.area());
        assertEquals(new PixelBox(1, 1, 3, 2), mask.boundingBox());
        assertEquals(mask, PolygonRasterizer.rasterize(
                Polygon.fromFlat(List.of(new double[] {1, 1, 4, 1, 4, 3, 1, 3})), new ImageSize(6, 5)));
    }

    @Test
    void cuts_off_what_lies_outside_the_image() {
        Rle mask = PolygonRasterizer.rasterize(new PixelBox(-3, -2, 5, 4), 5, 6);
        assertEquals(4, mask.area());
        assertEquals(new PixelBox(0, 0, 2, 2), mask.boundingBox());
        assertEquals(0, PolygonRasterizer.rasterize(new PixelBox(10, 10, 5, 5), 5, 6).area());
    }

    @Test
    void unites_overlapping_parts() {
        Polygon twoParts = Polygon.fromFlat(List.of(
                new double[] {0, 0, 4, 0, 4, 4, 0, 4}, new double[] {2, 2, 6, 2, 6, 6, 2, 6}));
        Rle mask = PolygonRasterizer.rasterize(twoParts, 8, 8);
        assertEquals(16 + 16 - 4, mask.area());
        assertEquals(2, PolygonRasterizer.rasterizeParts(twoParts, 8, 8).size());
    }

    @Test
    void contains_points_inside_any_part_by_crossing_parity() {
        Polygon twoParts = Polygon.fromFlat(List.of(
                new double[] {0, 0, 4, 0, 4, 4, 0, 4}, new double[] {10, 0, 12, 0, 12, 2, 10, 2}));
        assertTrue(twoParts.contains(1, 1));
        assertTrue(twoParts.contains(11, 1));
        assertEquals(false, twoParts.contains(7, 1));
        // a ring around twice: the inner square crosses the outer one's parity, so it is a hole
        Polygon doubled = Polygon.fromFlat(List.of(
                new double[] {0, 0, 6, 0, 6, 6, 0, 6, 0, 0, 2, 2, 4, 2, 4, 4, 2, 4, 2, 2}));
        assertTrue(doubled.contains(1, 1));
        assertEquals(false, doubled.contains(3, 3));
        assertEquals(false, PolygonRasterizer.rasterize(doubled, 6, 6).toBitmap()[3 * 6 + 3]);
        assertTrue(PolygonRasterizer.rasterize(doubled, 6, 6).toBitmap()[1 * 6 + 1]);
    }

    @Test
    void rejects_an_empty_image() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> PolygonRasterizer.rasterize(new PixelBox(0, 0, 1, 1), 0, 5));
        assertEquals("size", e.errors().get(0).field());
    }

    /** A star-shaped (so simple) polygon around the centre of a 40x30 image, partly outside it. */
    static Polygon star(long seed) {
        Random r = new Random(seed);
        int n = 3 + r.nextInt(12);
        double cx = 5 + r.nextDouble() * 30, cy = 5 + r.nextDouble() * 20;
        List<Point> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = 2 * Math.PI * (i + r.nextDouble() * 0.8) / n;
            double radius = 1 + r.nextDouble() * 15;
            pts.add(new Point(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)));
        }
        return Polygon.of(pts);
    }

    @Property
    void sets_the_pixels_whose_centres_lie_clearly_inside(@ForAll long seed) {
        Polygon polygon = star(seed);
        int h = 30, w = 40;
        boolean[] bits = PolygonRasterizer.rasterize(polygon, h, w).toBitmap();
        List<Point> ring = polygon.parts().get(0);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double px = x + 0.5, py = y + 0.5;
                if (distanceToOutline(ring, px, py) > 0.5) {
                    assertEquals(polygon.contains(px, py), bits[y * w + x], "pixel (" + x + "," + y + ")");
                }
            }
        }
    }

    @Property
    void covers_about_the_geometric_area(@ForAll long seed) {
        // moved away from the image edges so that none of it is cut off
        Polygon polygon = Polygon.of(star(seed).parts().get(0).stream()
                .map(p -> new Point(p.x() + 20, p.y() + 20)).toList());
        Rle mask = PolygonRasterizer.rasterize(polygon, 100, 100);
        double perimeter = new Polyline(closed(polygon.parts().get(0))).length();
        assertTrue(Math.abs(mask.area() - polygon.area()) <= perimeter + 4,
                "mask area " + mask.area() + " vs geometric " + polygon.area());
    }

    private static List<Point> closed(List<Point> ring) {
        List<Point> out = new ArrayList<>(ring);
        out.add(ring.get(0));
        return out;
    }

    private static double distanceToOutline(List<Point> ring, double x, double y) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ring.size(); i++) {
            Point a = ring.get(i), b = ring.get((i + 1) % ring.size());
            double dx = b.x() - a.x(), dy = b.y() - a.y();
            double len2 = dx * dx + dy * dy;
            double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((x - a.x()) * dx + (y - a.y()) * dy) / len2));
            best = Math.min(best, Math.hypot(x - a.x() - t * dx, y - a.y() - t * dy));
        }
        return best;
    }
}
