package dev.annota.infer.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.descriptor.ColorOrder;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.Resize;
import dev.annota.infer.descriptor.ResizeFilter;
import dev.annota.infer.descriptor.TensorType;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PreprocessorTest {
    static InputSpec spec(int w, int h, Resize r, ColorOrder c, Layout l, double scale, double[] mean, double[] std) {
        return new InputSpec("", l, w, h, r, c, scale, false, mean, std, TensorType.FP32);
    }

    static InputSpec plain(int w, int h, Resize r) {
        return spec(w, h, r, ColorOrder.RGB, Layout.NCHW, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
    }

    static RgbImage solid(int w, int h, int rgb) {
        int[] px = new int[w * h];
        Arrays.fill(px, rgb);
        return new RgbImage(w, h, px);
    }

    @Test
    void a_top_left_letterbox_scales_by_the_smaller_ratio_and_maps_boxes_back_exactly() {
        InputTransform t = new Preprocessor(plain(416, 416, Resize.letterbox(114, false))).transform(new ImageSize(768, 576));
        assertEquals(416.0 / 768, t.scaleX(), 1e-12);
        assertEquals(312.0 / 576, t.scaleY(), 1e-12);
        assertEquals(0, t.offsetX());
        assertEquals(0, t.offsetY());
        PixelBox back = t.toOriginal(t.toModelX(133), t.toModelY(207), t.toModelX(325), t.toModelY(543));
        assertEquals(new PixelBox(133, 207, 192, 336).toString(), round(back).toString());
    }

    @Test
    void a_centred_letterbox_pads_equally_on_both_sides() {
        InputTransform t = new Preprocessor(plain(416, 416, Resize.letterbox(114, true))).transform(new ImageSize(768, 576));
        assertEquals(0, t.offsetX());
        assertEquals(52, t.offsetY()); // (416 - 312) / 2
        assertEquals(0, t.toOriginalY(52), 1e-9);
        assertEquals(576, t.toOriginalY(364), 1e-9);
    }

    @Test
    void a_centre_crop_resizes_the_shorter_side_and_cuts_the_middle() {
        // 600x400 → shorter side 256 → 384x256 → crop 224 at (80, 16)
        InputTransform t = new Preprocessor(plain(224, 224, Resize.centerCrop(256))).transform(new ImageSize(600, 400));
        assertEquals(384.0 / 600, t.scaleX(), 1e-12);
        assertEquals(-80, t.offsetX());
        assertEquals(-16, t.offsetY());
        assertEquals(125, t.toOriginalX(0), 1e-9); // 80 / 0.64
        assertEquals(475, t.toOriginalX(224), 1e-9);
        assertEquals(25, t.toOriginalY(0), 1e-9);
    }

    @Test
    void a_stretch_scales_each_axis_on_its_own() {
        InputTransform t = new Preprocessor(plain(320, 240, Resize.stretch())).transform(new ImageSize(512, 600));
        assertEquals(320.0 / 512, t.scaleX(), 1e-12);
        assertEquals(240.0 / 600, t.scaleY(), 1e-12);
        assertEquals(512, t.toOriginalX(320), 1e-9);
    }

    @Test
    void values_follow_the_channel_order_scale_mean_and_std_in_nchw() {
        InputSpec s = spec(4, 2, Resize.stretch(), ColorOrder.BGR, Layout.NCHW, 1, new double[] {10, 20, 30}, new double[] {2, 4, 5});
        float[] out = new float[s.valuesPerImage()];
        new Preprocessor(s).write(solid(8, 4, 0x102030), out, 0); // R=16, G=32, B=48
        assertEquals((48 - 10) / 2f, out[0], 1e-5); // plane 0 = blue
        assertEquals((32 - 20) / 4f, out[8], 1e-5);
        assertEquals((16 - 30) / 5f, out[16], 1e-5);
        assertEquals(out[0], out[7], 1e-6);
    }

    @Test
    void nhwc_interleaves_the_channels_per_pixel() {
        InputSpec s = spec(2, 2, Resize.stretch(), ColorOrder.RGB, Layout.NHWC, 1 / 255.0, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        float[] out = new float[s.valuesPerImage()];
        new Preprocessor(s).write(solid(3, 3, 0xFF8000), out, 0);
        assertEquals(1f, out[0], 1e-6);
        assertEquals(128 / 255f, out[1], 1e-6);
        assertEquals(0f, out[2], 1e-6);
        assertEquals(1f, out[3], 1e-6);
    }

    @Test
    void the_letterbox_pad_value_fills_outside_the_image() {
        InputSpec s = spec(8, 8, Resize.letterbox(114, false), ColorOrder.RGB, Layout.NCHW, 1, new double[] {0, 0, 0}, new double[] {1, 1, 1});
        float[] out = new float[s.valuesPerImage()];
        new Preprocessor(s).write(solid(8, 4, 0x000000), out, 0); // lands in rows 0-3
        assertEquals(0f, out[3 * 8 + 7]);
        assertEquals(114f, out[4 * 8]);
        assertEquals(114f, out[64 + 7 * 8 + 7]);
    }

    @Test
    void bilinear_sampling_of_an_exact_half_size_averages_pixel_pairs() {
        // 4x1 → 2x1: sample points fall half-way between pixels 0|1 and 2|3
        InputSpec s = plain(2, 1, Resize.stretch());
        float[] out = new float[s.valuesPerImage()];
        RgbImage img = new RgbImage(4, 1, new int[] {0x000000, 0x640000, 0xC80000, 0xFF0000});
        new Preprocessor(s).write(img, out, 0);
        assertEquals(50f, out[0], 1e-4);
        assertEquals(228f, out[1], 1e-4); // 227.5 rounded to 8 bits, as OpenCV's resized image holds it
    }

    static float[] halve(ResizeFilter f) {
        InputSpec s = plain(2, 1, Resize.stretch().withFilter(f));
        float[] out = new float[s.valuesPerImage()];
        new Preprocessor(s).write(new RgbImage(4, 1, new int[] {0x000000, 0x640000, 0xC80000, 0xFF0000}), out, 0);
        return new float[] {out[0], out[1]};
    }

    @Test
    void the_antialiased_bilinear_filter_widens_its_triangle_with_the_downscale_factor_as_pil_does() {
        // PIL: support 2 at a 2x downscale; centre 1.0 reads pixels 0-2 with weights .75 .75 .25 (renormalised),
        // centre 3.0 reads pixels 1-3 with .25 .75 .75: (0·.75 + 100·.75 + 200·.25) / 1.75 = 71.4 → 71
        assertArrayEquals(new float[] {71, 209}, halve(ResizeFilter.BILINEAR_ANTIALIAS));
    }

    @Test
    void the_area_filter_averages_the_pixels_each_output_pixel_covers() {
        assertArrayEquals(new float[] {50, 228}, halve(ResizeFilter.AREA));
    }

    @Test
    void the_nearest_filter_takes_the_pixel_under_the_output_centre() {
        assertArrayEquals(new float[] {100, 255}, halve(ResizeFilter.NEAREST));
    }

    @Test
    void every_filter_keeps_a_solid_image_solid_when_shrinking_and_enlarging() {
        for (ResizeFilter f : ResizeFilter.values()) {
            for (int[] size : new int[][] {{7, 5}, {40, 30}}) {
                InputSpec s = plain(13, 11, Resize.stretch().withFilter(f));
                float[] out = new float[s.valuesPerImage()];
                new Preprocessor(s).write(solid(size[0], size[1], 0x4080C0), out, 0);
                for (int i = 0; i < out.length; i++) {
                    float want = i < 143 ? 0x40 : i < 286 ? 0x80 : 0xC0;
                    assertEquals(want, out[i], 1e-4, f + " " + size[0] + "x" + size[1] + " value " + i);
                }
            }
        }
    }

    @Test
    void the_image_max_scale_divides_by_the_brightest_channel() {
        InputSpec s = new InputSpec("", Layout.NCHW, 1, 1, Resize.stretch(), ColorOrder.RGB, 1, true,
                new double[] {0, 0, 0}, new double[] {1, 1, 1}, TensorType.FP32);
        float[] out = new float[3];
        new Preprocessor(s).write(solid(2, 2, 0x646432), out, 0);
        assertEquals(1f, out[0], 1e-6);
        assertEquals(0.5f, out[2], 1e-6);
    }

    static PixelBox round(PixelBox b) {
        return new PixelBox(Math.round(b.x() * 1e6) / 1e6, Math.round(b.y() * 1e6) / 1e6,
                Math.round(b.width() * 1e6) / 1e6, Math.round(b.height() * 1e6) / 1e6);
    }
}
