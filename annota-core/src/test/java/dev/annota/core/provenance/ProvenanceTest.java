package dev.annota.core.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.annota.core.error.ValidationException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvenanceTest {
    private static final Instant T = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void compares_by_value_and_keeps_the_config_sorted() {
        Provenance a = new Provenance("sha256:00ff", Map.of("lr", "0.01", "epochs", "5"), "0.1.0", T);
        Provenance b = new Provenance("sha256:00ff", Map.of("epochs", "5", "lr", "0.01"), "0.1.0", T);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(List.of("epochs", "lr"), List.copyOf(a.config().keySet()));
    }

    @Test
    void requires_a_dataset_hash_and_a_code_version() {
        assertThrows(ValidationException.class, () -> new Provenance(" ", Map.of(), "0.1.0", T));
        assertThrows(ValidationException.class, () -> new Provenance("sha256:00", Map.of(), "", T));
    }
}
