package dev.annota.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the COCO evaluation benchmark tiny and checks what it evaluates, never its timings. */
class CocoEvalBenchTest {
    @Test
    void the_coco_eval_benchmark_evaluates_jittered_ground_truth_well_but_not_perfectly() {
        BenchResult r = CocoEvalBench.cocoEval(40, 1);
        assertEquals("coco-eval", r.name());
        long gt = ((Number) r.details().get("gt_boxes")).longValue();
        long dt = ((Number) r.details().get("detections")).longValue();
        assertTrue(gt > 40 * 2 && dt > gt, r.details().toString());
        double ap50 = ((Number) r.details().get("ap50")).doubleValue();
        assertTrue(ap50 > 0.3 && ap50 < 1, r.details().toString());
        assertTrue(r.oursSeconds() > 0 && r.baselineSeconds() > 0);
    }
}
