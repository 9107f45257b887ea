package dev.annota.testkit.shapes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.RotatedBox;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class RegionPaintingTest {
    private static final int SIZE = 40;

    @Property(tries = 300)
    void painting_a_star_row_by_row_gives_exactly_the_pixels_its_contains_test_gives(
            @ForAll @DoubleRange(min = -5, max = 45) double cx, @ForAll @DoubleRange(min = -5, max = 45) double cy,
            @ForAll @DoubleRange(min = 1, max = 25) double r, @ForAll @DoubleRange(min = 0, max = 360) double angle) {
        assertSamePixels(new StarShape(cx, cy, r, r * 0.4, angle));
    }

    @Property(tries = 300)
    void painting_a_rectangle_or_triangle_on_half_pixel_vertices_matches_its_contains_test(
            @ForAll @IntRange(min = -4, max = 44) int ax, @ForAll @IntRange(min = -4, max = 44) int ay,
            @ForAll @IntRange(min = -4, max = 44) int bx, @ForAll @IntRange(min = -4, max = 44) int by,
            @ForAll @IntRange(min = 1, max = 30) int w, @ForAll @IntRange(min = 0, max = 3) int quarterTurns) {
        // vertices on pixel centres and edges on pixel rows are the cases where rounding could split the two
        Point a = new Point(ax + 0.5, ay + 0.5), b = new Point(bx + 0.5, by), c = new Point(ax + 0.5, ay + w);
        double cross = (b.x() - a.x()) * (c.y() - a.y()) - (b.y() - a.y()) * (c.x() - a.x());
        if (cross != 0) {
            assertSamePixels(new TriangleShape(a, b, c));
        }
        assertSamePixels(new RectangleShape(new RotatedBox(ax + 0.5, ay, w, w / 2.0 + 0.5, 90.0 * quarterTurns)));
    }

    private static void assertSamePixels(AnalyticShape shape) {
        Region region = Region.of(shape);
        int[] rows = new int[SIZE * SIZE];
        Arrays.fill(rows, -1);
        for (int y = 0; y < SIZE; y++) {
            region.paintRow(y, 0, SIZE - 1, rows, y * SIZE, 1);
        }
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                assertEquals(shape.contains(x + 0.5, y + 0.5), rows[y * SIZE + x] == 1,
                        "pixel (" + x + ", " + y + ") of " + shape);
            }
        }
    }
}
