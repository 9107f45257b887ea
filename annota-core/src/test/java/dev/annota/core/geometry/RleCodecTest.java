package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RleCodecTest {

    @Test
    void writes_small_runs_as_single_characters_and_deltas_from_the_fourth_run_on() {
        // 5 -> '5'; 3 -> '3'; 2 -> '2'; then runs 3 and 4 are written as 2-3 = -1 and 1-2 = -1: 0x1f -> 'O'
        Rle rle = Rle.of(1, 13, new int[] {5, 3, 2, 2, 1});
        assertEquals("532OO", RleCodec.encode(rle));
        assertEquals(rle, RleCodec.decode("532OO", 1, 13));
    }

    @Test
    void writes_large_runs_in_five_bit_chunks_with_a_continuation_bit() {
        // 144200 = 0b100011_0011_0100_1000 -> chunks (low first) 8, 26, 12, 4: 8|0x20, 26|0x20, 12|0x20, 4
        Rle rle = Rle.of(480, 640, new int[] {144200, 307200 - 144200});
        String s = RleCodec.encode(rle);
        assertEquals("" + (char) (48 + (8 | 0x20)) + (char) (48 + (26 | 0x20)) + (char) (48 + (12 | 0x20))
                + (char) (48 + 4), s.substring(0, 4));
        assertEquals(rle, RleCodec.decode(s, 480, 640));
    }

    @Property
    void reads_back_every_mask_it_writes(@ForAll @Size(max = 60) int[] runs, @ForAll @IntRange(min = 1, max = 9) int h) {
        int[] counts = Arrays.stream(runs).map(r -> Math.abs(r % 100_000)).toArray();
        long sum = Arrays.stream(counts).asLongStream().sum();
        int pad = (int) ((h - sum % h) % h);
        int[] full = Arrays.copyOf(counts, counts.length + 1);
        full[counts.length] = pad;
        int w = (int) ((sum + pad) / h);
        Rle rle = Rle.of(h, w, full);
        String s = RleCodec.encode(rle);
        Rle back = RleCodec.decode(s, h, w);
        assertEquals(Arrays.toString(full), Arrays.toString(back.counts()), "exact runs, not only the same mask");
        assertTrue(s.chars().allMatch(c -> c >= '0' && c <= 'o'));
    }

    @Property
    void reads_back_large_run_lengths(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int first) {
        Rle rle = Rle.of(1, Integer.MAX_VALUE, new int[] {first, Integer.MAX_VALUE - first});
        assertEquals(rle, RleCodec.decode(RleCodec.encode(rle), 1, Integer.MAX_VALUE));
    }

    @ParameterizedTest(name = "rejects \"{0}\" for a {1}x{2} mask")
    @CsvSource(delimiter = '|', value = {
        // a character outside '0'..'o'
        "55p     | 1 | 10 | counts | p      | character 2",
        "5 5     | 1 | 10 | counts | ' '    | character 1",
        "/5      | 1 | 10 | counts | /      | character 0",
        // a number whose last character says more follows
        "5P      | 1 | 10 | counts | P      | starting at character 1",
        // more than 7 chunks in one number
        "PPPPPPPP0 | 1 | 10 | counts | PPPPPPPP... | at most 7 characters",
        // a negative run: 'O' is -1
        "O5      | 1 | 4  | counts | O5     | run 0",
        // a delta that makes run 3 negative: 1,1,1 then 1 + (-2)
        "111N    | 2 | 2  | counts | N      | run 3",
        // runs that do not add up to h*w
        "55      | 2 | 4  | counts | sum 10 | height*width = 8",
        "55      | 1 | 11 | counts | sum 10 | height*width = 11",
    })
    void rejects_a_bad_compressed_string(String counts, int h, int w, String field, String value, String hint) {
        ValidationException e = assertThrows(ValidationException.class, () -> RleCodec.decode(counts, h, w));
        FieldError error = e.errors().get(0);
        assertEquals(field, error.field());
        assertEquals(value, error.value());
        assertTrue(error.expected().contains(hint), error.message());
    }
}
