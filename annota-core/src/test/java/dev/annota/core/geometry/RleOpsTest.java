package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RleOpsTest {
    static final int H = 7;
    static final int W = 9;

    /** A random mask: blobs of set pixels, density chosen by the seed. */
    static boolean[] bitmap(long seed, int h, int w) {
        Random r = new Random(seed);
        double density = r.nextDouble();
        boolean[] bits = new boolean[h * w];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = r.nextDouble() < density;
        }
        return bits;
    }

    static Rle mask(long seed) {
        return Rle.fromBitmap(bitmap(seed, H, W), H, W);
    }

    @Property
    void keeps_every_pixel_through_bitmap_rle_and_string(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 20) int h, @ForAll @IntRange(min = 1, max = 20) int w) {
        boolean[] bits = bitmap(seed, h, w);
        Rle rle = Rle.fromBitmap(bits, h, w);
        assertArrayEquals(bits, rle.toBitmap());
        Rle back = RleCodec.decode(RleCodec.encode(rle), h, w);
        assertArrayEquals(rle.counts(), back.counts());
        CocoSegmentationReferenceTest.assertConsistent(rle);
    }

    @Property
    void unites_and_intersects_pixel_by_pixel(@ForAll long a, @ForAll long b, @ForAll long c) {
        List<Rle> masks = List.of(mask(a), mask(b), mask(c));
        boolean[][] bits = masks.stream().map(Rle::toBitmap).toArray(boolean[][]::new);
        boolean[] or = new boolean[H * W], and = new boolean[H * W];
        for (int i = 0; i < or.length; i++) {
            or[i] = bits[0][i] || bits[1][i] || bits[2][i];
            and[i] = bits[0][i] && bits[1][i] && bits[2][i];
        }
        Rle union = RleOps.union(masks);
        Rle inter = RleOps.intersection(masks);
        assertArrayEquals(or, union.toBitmap());
        assertArrayEquals(and, inter.toBitmap());
        // rleMerge writes canonical runs: no empty run but a leading one
        assertArrayEquals(Rle.fromBitmap(or, H, W).counts(), union.counts());
        assertArrayEquals(Rle.fromBitmap(and, H, W).counts(), inter.counts());
    }

    @Property
    void gives_the_pixel_iou_and_the_crowd_iou(@ForAll long a, @ForAll long b) {
        Rle dt = mask(a), gt = mask(b);
        boolean[] x = dt.toBitmap(), y = gt.toBitmap();
        long i = 0, u = 0, da = 0;
        for (int k = 0; k < x.length; k++) {
            i += x[k] && y[k] ? 1 : 0;
            u += x[k] || y[k] ? 1 : 0;
            da += x[k] ? 1 : 0;
        }
        assertEquals(i == 0 ? 0 : (double) i / u, RleOps.iou(dt, gt));
        assertEquals(i == 0 ? 0 : (double) i / da, RleOps.iou(dt, gt, true));
        double[][] matrix = RleOps.iouMatrix(List.of(dt, gt), List.of(gt, dt), new boolean[] {true, false});
        assertEquals(RleOps.iou(dt, gt, true), matrix[0][0]);
        assertEquals(RleOps.iou(dt, dt, false), matrix[0][1]);
        assertEquals(RleOps.iou(gt, gt, true), matrix[1][0]);
        assertEquals(RleOps.iou(gt, dt, false), matrix[1][1]);
    }

    @Test
    void stretches_the_box_over_the_full_height_when_a_run_crosses_a_column() {
        // 4x3 mask: pixels 3 (x0,y3) and 4 (x1,y0) form one run across the column boundary
        Rle rle = Rle.of(4, 3, new int[] {3, 2, 7});
        assertEquals(new PixelBox(0, 0, 2, 4), RleOps.toBbox(rle));
        // two runs, one per column, rows 1..2 and 2..3: the tight box
        assertEquals(new PixelBox(0, 1, 2, 3), RleOps.toBbox(Rle.of(4, 3, new int[] {1, 2, 3, 2, 4})));
    }

    @Test
    void gives_an_empty_box_for_an_empty_mask_and_ignores_a_trailing_odd_count() {
        assertEquals(new PixelBox(0, 0, 0, 0), RleOps.toBbox(Rle.empty(4, 3)));
        assertEquals(new PixelBox(2, 0, 1, 4), RleOps.toBbox(Rle.of(4, 3, new int[] {8, 4})));
        assertEquals(new PixelBox(1, 1, 1, 2), RleOps.toBbox(Rle.of(4, 3, new int[] {5, 2, 5})));
    }

    @Test
    void keeps_pycocotools_answer_for_an_empty_trailing_foreground_run() {
        // toBbox looks at the pixel before the (empty) run's end: pixel 11 (x2, y3) and pixel 12 (x3, y0)
        assertEquals(new PixelBox(2, 0, 2, 4), RleOps.toBbox(Rle.of(4, 3, new int[] {12, 0})));
    }

    @Test
    void merges_a_single_mask_into_itself() {
        Rle one = mask(42);
        assertEquals(one, RleOps.union(List.of(one)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a negative run length          | -1,13     | 2 | 6 | counts[0] | -1     | non-negative run length",
        "counts that add up to too few  | 3,4       | 2 | 6 | counts    | sum 7  | height*width = 12",
        "counts that add up to too many | 3,4,6     | 2 | 6 | counts    | sum 13 | height*width = 12",
        "a negative size                | 0         | -1 | 6 | size     | [-1,6] | non-negative",
    })
    void rejects_bad_uncompressed_counts(String what, String counts, int h, int w, String field, String value,
            String hint) {
        int[] runs = java.util.Arrays.stream(counts.split(",")).mapToInt(Integer::parseInt).toArray();
        ValidationException e = assertThrows(ValidationException.class, () -> Rle.of(h, w, runs));
        FieldError error = e.errors().get(0);
        assertEquals(field, error.field());
        assertEquals(value, error.value());
        assertTrue(error.expected().contains(hint), error.message());
    }

    @Test
    void rejects_masks_of_different_sizes() {
        Rle a = Rle.empty(4, 3), b = Rle.empty(3, 4);
        ValidationException merge = assertThrows(ValidationException.class, () -> RleOps.union(List.of(a, b)));
        assertEquals("masks[1]", merge.errors().get(0).field());
        ValidationException iou = assertThrows(ValidationException.class, () -> RleOps.iou(a, b));
        assertEquals("[3,4]", iou.errors().get(0).value());
        assertThrows(ValidationException.class, () -> RleOps.union(List.of()));
        assertThrows(ValidationException.class,
                () -> RleOps.iouMatrix(List.of(a), List.of(a), new boolean[] {true, false}));
    }
}
