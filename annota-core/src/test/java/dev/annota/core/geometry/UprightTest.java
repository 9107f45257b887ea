package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import org.junit.jupiter.api.Test;

class UprightTest {
    private static final int[] PIXELS = {1, 2, 3, 4, 5, 6}; // 3 wide, 2 high

    @Test
    void every_orientation_maps_corners_as_exif_defines() {
        assertSame(PIXELS, Upright.turn(PIXELS, 3, 2, 1));
        assertArrayEquals(new int[] {3, 2, 1, 6, 5, 4}, Upright.turn(PIXELS, 3, 2, 2));
        assertArrayEquals(new int[] {6, 5, 4, 3, 2, 1}, Upright.turn(PIXELS, 3, 2, 3));
        assertArrayEquals(new int[] {4, 5, 6, 1, 2, 3}, Upright.turn(PIXELS, 3, 2, 4));
        assertArrayEquals(new int[] {1, 4, 2, 5, 3, 6}, Upright.turn(PIXELS, 3, 2, 5));
        assertArrayEquals(new int[] {4, 1, 5, 2, 6, 3}, Upright.turn(PIXELS, 3, 2, 6));
        assertArrayEquals(new int[] {6, 3, 5, 2, 4, 1}, Upright.turn(PIXELS, 3, 2, 7));
        assertArrayEquals(new int[] {3, 6, 2, 5, 1, 4}, Upright.turn(PIXELS, 3, 2, 8));
    }

    @Test
    void quarter_turns_swap_the_sides_and_the_others_do_not() {
        for (int o = 1; o <= 8; o++) {
            assertTrue(Upright.swapsSides(o) == (o >= 5), "orientation " + o);
        }
        assertFalse(Upright.swapsSides(3));
    }

    @Test
    void rejects_an_orientation_outside_one_to_eight_and_a_wrong_pixel_count() {
        assertThrows(ValidationException.class, () -> Upright.turn(PIXELS, 3, 2, 9));
        assertThrows(ValidationException.class, () -> Upright.turn(PIXELS, 3, 2, 0));
        assertThrows(ValidationException.class, () -> Upright.turn(PIXELS, 2, 2, 6));
    }
}
