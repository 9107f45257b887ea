package dev.annota.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the data benchmarks in a tiny configuration and checks what they count, never their timings. */
class DataBenchTest {
    @Test
    void the_coco_benchmark_reads_back_annotations() {
        BenchResult r = DataBench.cocoRoundTrip(5, 1);
        assertTrue(((Number) r.details().get("annotations")).longValue() > 5, r.toString());
        assertTrue(r.oursSeconds() > 0 && r.baselineSeconds() > 0);
    }

    @Test
    void the_generator_benchmark_reports_both_rates() {
        BenchResult r = DataBench.generateScenes(2, 1);
        assertEquals("shapes-generate", r.name());
        assertTrue(((Number) r.details().get("scenes_per_second")).doubleValue() > 0);
    }
}
