package dev.annota.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the server-save benchmark for a second per phase and checks what it counts, never its timings. */
class ServerSaveBenchTest {
    @Test
    void saves_through_the_server_and_through_raw_jdbc_on_sqlite_and_postgresql() {
        BenchResult r = ServerSaveBench.run(List.of("sqlite", "postgresql"), 1, 4, 50);
        assertEquals("server-save", r.name());
        for (String db : List.of("sqlite", "postgresql")) {
            Map<?, ?> d = (Map<?, ?>) r.details().get(db);
            assertTrue(((Number) d.get("saves")).longValue() > 0, db + ": " + d);
            assertEquals(0L, ((Number) d.get("errors")).longValue(), db + ": " + d);
            assertTrue(((Number) d.get("raw_throughput_per_s")).doubleValue() > 0, db + ": " + d);
            assertTrue(((Number) d.get("p99_ms")).doubleValue() >= ((Number) d.get("p50_ms")).doubleValue(), db + ": " + d);
        }
        assertTrue(r.oursSeconds() > 0 && r.baselineSeconds() > 0);
    }
}
