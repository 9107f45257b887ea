package dev.annota.formats.labelstudio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Rle;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BrushRleTest {
    /** Bits as a string of 0/1 packed into bytes, most significant bit first, zero-padded. */
    static int[] pack(String bits) {
        String b = bits.replace(" ", "");
        int[] out = new int[(b.length() + 7) / 8];
        for (int i = 0; i < b.length(); i++) {
            if (b.charAt(i) == '1') {
                out[i / 8] |= 1 << (7 - i % 8);
            }
        }
        return out;
    }

    @Test
    void decodes_a_stream_built_by_hand_from_the_format_definition() {
        // a 2x1 image (width 2, height 1): pixel (0,0) empty, pixel (1,0) set → RGBA values 0 0 0 0 255 255 255 255
        String header = "00000000000000000000000000001000" // 8 values
                + "00111" // word size 8
                + "0010" + "0011" + "0111" + "1111"; // run sizes 3, 4, 8, 16
        String zeros = "1" + "00" + "011" + "00000000"; // repeat, size 0 (3 bits): 4 values of 0
        String literal = "0" + "00" + "011" + "11111111".repeat(4); // literal, 4 words of 255
        Rle mask = BrushRle.decode(pack(header + zeros + literal), 1, 2);
        assertArrayEquals(new boolean[] {false, true}, mask.toBitmap());
    }

    @Test
    void keeps_pixels_whose_alpha_is_set_whatever_their_colour() {
        String header = "00000000000000000000000000001000" + "00111" + "0010" + "0011" + "0111" + "1111";
        // pixel 0: colour (255, 0, 0) with alpha 0 → not in the mask; pixel 1: black with alpha 1 → in the mask
        String literal = "0" + "01" + "0111" + "11111111" + "00000000" + "00000000" + "00000000"
                + "00000000" + "00000000" + "00000000" + "00000001";
        assertArrayEquals(new boolean[] {false, true}, BrushRle.decode(pack(header + literal), 1, 2).toBitmap());
    }

    @Test
    void encodes_random_masks_that_decode_to_the_same_pixels() {
        Random r = new Random(3);
        for (int t = 0; t < 30; t++) {
            int h = 1 + r.nextInt(40), w = 1 + r.nextInt(40);
            boolean[] px = new boolean[h * w];
            double density = r.nextDouble();
            for (int i = 0; i < px.length; i++) {
                px[i] = r.nextDouble() < density;
            }
            Rle mask = Rle.fromBitmap(px, h, w);
            int[] bytes = BrushRle.encode(mask);
            assertTrue(java.util.Arrays.stream(bytes).allMatch(b -> b >= 0 && b <= 255));
            assertEquals(mask, BrushRle.decode(bytes, h, w));
        }
    }

    @Test
    void encodes_a_large_empty_mask_in_a_few_bytes_with_runs_longer_than_one_field() {
        Rle mask = Rle.empty(300, 400); // 480,000 values: more than one 16-bit run
        int[] bytes = BrushRle.encode(mask);
        assertTrue(bytes.length < 40, "got " + bytes.length + " bytes");
        assertEquals(mask, BrushRle.decode(bytes, 300, 400));
    }

    @Test
    void rejects_a_stream_for_another_image_size_or_cut_short() {
        int[] bytes = BrushRle.encode(Rle.empty(4, 4));
        ValidationException size = assertThrows(ValidationException.class, () -> BrushRle.decode(bytes, 5, 4));
        assertTrue(size.getMessage().contains("field 'rle'") && size.getMessage().contains("64 values"), size.getMessage());
        int[] cut = java.util.Arrays.copyOf(bytes, 5);
        ValidationException shortStream = assertThrows(ValidationException.class, () -> BrushRle.decode(cut, 4, 4));
        assertTrue(shortStream.getMessage().contains("ends early"), shortStream.getMessage());
    }
}
