package dev.annota.infer.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.descriptor.ColorOrder;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.Resize;
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
        assertEquals(227.5f, out[1], 1e-4);
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
