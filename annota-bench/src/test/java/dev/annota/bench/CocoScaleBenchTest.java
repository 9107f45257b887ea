package dev.annota.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Runs the COCO scale benchmark at 1/100 of its size and checks what it counts, never its timings. */
class CocoScaleBenchTest {
    @Test
    void imports_and_exports_every_annotation_of_the_generated_file_in_child_jvms() {
        BenchResult r = CocoScaleBench.run(1_000, 10);
        assertEquals("coco-scale", r.name());
        assertEquals(10_000L, ((Number) r.details().get("annotations")).longValue());
        assertEquals(1_000L, ((Number) r.details().get("exported_images")).longValue());
        assertEquals(10_000L, ((Number) r.details().get("exported_annotations")).longValue());
        for (String mode : new String[] {"baseline", "import", "export"}) {
            double peak = ((Number) r.details().get(mode + "_peak_pools_mb")).doubleValue();
            assertTrue(peak > 0 && peak < 512, mode + " peak " + peak);
        }
        assertTrue(r.oursSeconds() > 0 && r.baselineSeconds() > 0);
    }
}
