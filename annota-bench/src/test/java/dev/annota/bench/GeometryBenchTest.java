package dev.annota.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.geometry.PolygonRasterizer;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RleOps;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Runs the geometry benchmarks in a tiny configuration and checks only what they compute, never how fast:
 * benchmarks are not tests, but the figures they print must rest on correct results.
 */
class GeometryBenchTest {
    private static final GeometryBench.Rounds ONCE = new GeometryBench.Rounds(0, 1, 0, 1);

    @Test
    void rasterisers_disagree_on_under_five_percent_of_the_pixels() {
        BenchResult r = GeometryBench.rasterizePolygons(40, ONCE);
        long ours = (Long) r.details().get("pixels_ours");
        long disagreeing = (Long) r.details().get("pixels_disagreeing");
        double fraction = (Double) r.details().get("disagreement_fraction");
        assertEquals(40, r.details().get("polygons"));
        assertTrue(ours > 0, "the polygons should cover some pixels");
        assertEquals((double) disagreeing / ours, fraction, 1e-15);
        assertTrue(fraction < 0.05, "disagreement fraction " + fraction);
    }

    @Test
    void iou_matrix_benchmark_checks_both_matrices_agree_and_finds_overlaps() {
        // maskIouMatrix throws IllegalStateException when the run-based and pixel matrices differ
        BenchResult r = GeometryBench.maskIouMatrix(12, ONCE);
        assertEquals(0.0, (Double) r.details().get("max_abs_difference"), 1e-12);
        assertTrue((Integer) r.details().get("nonzero_pairs") >= 12, "each detection should overlap its ground truth");
        assertTrue((Double) r.details().get("mean_diagonal_iou") > 0.3, "detections are jittered ground truths");
    }

    @Test
    void naive_iou_matrix_matches_the_run_based_one_including_crowds() {
        List<Rle> masks = GeometryBench.randomPolygons(15, new SplittableRandom(7)).stream()
                .map(p -> PolygonRasterizer.rasterize(p, GeometryBench.IMAGE)).toList();
        List<Rle> dts = masks.subList(0, 8);
        List<Rle> gts = masks.subList(5, 15);
        boolean[] iscrowd = {true, false, false, true, false, false, false, false, true, false};
        double[][] expected = RleOps.iouMatrix(dts, gts, iscrowd);
        double[][] naive = GeometryBench.naiveIouMatrix(dts, gts, iscrowd);
        for (int d = 0; d < dts.size(); d++) {
            for (int g = 0; g < gts.size(); g++) {
                assertEquals(expected[d][g], naive[d][g], 1e-12, "IoU[" + d + "][" + g + "]");
            }
        }
        // masks 5..7 are in both lists: a mask against itself has IoU 1
        assertEquals(1.0, naive[5][0], 0.0);
    }
}
