package dev.annota.store.suggestions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class UncertaintyTest {
    @Test
    void a_sure_prediction_either_way_has_no_uncertainty_and_a_coin_flip_has_the_most() {
        assertEquals(0, Uncertainty.of(0), 1e-12);
        assertEquals(0, Uncertainty.of(1), 1e-12);
        assertEquals(1, Uncertainty.of(0.5), 1e-12);
        assertEquals(0.4, Uncertainty.of(0.2), 1e-12);
        assertEquals(0.4, Uncertainty.of(0.8), 1e-12);
    }

    @Test
    void an_image_is_as_uncertain_as_its_least_certain_suggestion() {
        assertEquals(0.8, Uncertainty.ofImage(List.of(0.99, 0.4, 0.9)).getAsDouble(), 1e-12);
        assertTrue(Uncertainty.ofImage(List.of()).isEmpty());
    }

    @Test
    void a_confidence_outside_zero_to_one_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.of(1.5));
        assertThrows(IllegalArgumentException.class, () -> Uncertainty.of(Double.NaN));
    }
}
