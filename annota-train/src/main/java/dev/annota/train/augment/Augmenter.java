package dev.annota.train.augment;

import dev.annota.infer.image.RgbImage;
import java.util.SplittableRandom;

/**
 * Applies an {@link AugmentConfig} to an image, drawing every random number from the given generator, so a
 * seed per (epoch, image) makes the pixels repeatable. The geometric changes are one inverse mapping sampled
 * bilinearly (edge clamp) at the image's own size; the colour changes act per pixel afterwards.
 */
public final class Augmenter {
    private final AugmentConfig config;

    public Augmenter(AugmentConfig config) {
        this.config = config;
    }

    public RgbImage apply(RgbImage src, SplittableRandom rnd) {
        if (config.isNone()) {
            return src;
        }
        int w = src.width();
        int h = src.height();
        // crop rectangle in source pixels
        double cx = 0;
        double cy = 0;
        double cw = w;
        double ch = h;
        if (config.cropMinScale() < 1) {
            for (int attempt = 0; attempt < 10; attempt++) {
                double area = w * h * (config.cropMinScale() + rnd.nextDouble() * (1 - config.cropMinScale()));
                double ratio = Math.exp(Math.log(3.0 / 4) + rnd.nextDouble() * (Math.log(4.0 / 3) - Math.log(3.0 / 4)));
                double tw = Math.sqrt(area * ratio);
                double th = Math.sqrt(area / ratio);
                if (tw <= w && th <= h) {
                    cw = tw;
                    ch = th;
                    cx = rnd.nextDouble() * (w - tw);
                    cy = rnd.nextDouble() * (h - th);
                    break;
                }
            }
        }
        boolean flipH = config.horizontalFlip() && rnd.nextBoolean();
        boolean flipV = config.verticalFlip() && rnd.nextBoolean();
        double angle = Math.toRadians((rnd.nextDouble() * 2 - 1) * config.rotationDegrees());
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double brightness = factor(config.brightness(), rnd);
        double contrast = factor(config.contrast(), rnd);
        double saturation = factor(config.saturation(), rnd);
        double noise = config.noiseStd() * 255;

        int[] in = src.pixels();
        int[] out = new int[w * h];
        double[] rgb = new double[3];
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                double nx = (u + 0.5) / w - 0.5;
                double ny = (v + 0.5) / h - 0.5;
                if (flipH) {
                    nx = -nx;
                }
                if (flipV) {
                    ny = -ny;
                }
                double rx = cos * nx * w - sin * ny * h;
                double ry = sin * nx * w + cos * ny * h;
                double sx = cx + (rx / w + 0.5) * cw - 0.5;
                double sy = cy + (ry / h + 0.5) * ch - 0.5;
                sample(in, w, h, sx, sy, rgb);
                out[v * w + u] = pack(rgb);
            }
        }
        if (brightness != 1 || contrast != 1 || saturation != 1 || noise > 0) {
            colour(out, brightness, contrast, saturation, noise, rnd);
        }
        return new RgbImage(w, h, out);
    }

    private static double factor(double amount, SplittableRandom rnd) {
        return amount == 0 ? 1 : 1 + (rnd.nextDouble() * 2 - 1) * amount;
    }

    private static void colour(int[] px, double brightness, double contrast, double saturation, double noise, SplittableRandom rnd) {
        double mean = 0;
        for (int p : px) {
            mean += gray(p);
        }
        mean = mean / px.length * brightness;
        double[] rgb = new double[3];
        for (int i = 0; i < px.length; i++) {
            int p = px[i];
            rgb[0] = (p >>> 16 & 0xFF) * brightness;
            rgb[1] = (p >>> 8 & 0xFF) * brightness;
            rgb[2] = (p & 0xFF) * brightness;
            for (int k = 0; k < 3; k++) {
                rgb[k] = mean + (rgb[k] - mean) * contrast;
            }
            double g = 0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2];
            for (int k = 0; k < 3; k++) {
                rgb[k] = g + (rgb[k] - g) * saturation;
                if (noise > 0) {
                    rgb[k] += rnd.nextGaussian() * noise;
                }
            }
            px[i] = pack(rgb);
        }
    }

    private static double gray(int p) {
        return 0.299 * (p >>> 16 & 0xFF) + 0.587 * (p >>> 8 & 0xFF) + 0.114 * (p & 0xFF);
    }

    private static void sample(int[] px, int w, int h, double x, double y, double[] rgb) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        int p00 = px[y0 * w + x0];
        int p01 = px[y0 * w + x1];
        int p10 = px[y1 * w + x0];
        int p11 = px[y1 * w + x1];
        for (int k = 0; k < 3; k++) {
            int s = 16 - 8 * k;
            double top = (p00 >>> s & 0xFF) + fx * ((p01 >>> s & 0xFF) - (p00 >>> s & 0xFF));
            double bottom = (p10 >>> s & 0xFF) + fx * ((p11 >>> s & 0xFF) - (p10 >>> s & 0xFF));
            rgb[k] = top + fy * (bottom - top);
        }
    }

    private static int pack(double[] rgb) {
        int r = clamp(rgb[0]);
        int g = clamp(rgb[1]);
        int b = clamp(rgb[2]);
        return 0xFF000000 | r << 16 | g << 8 | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    /** {@code src} stretched to {@code w × h} by bilinear sampling with half-pixel centres (the Preprocessor's stretch). */
    public static RgbImage resize(RgbImage src, int w, int h) {
        if (src.width() == w && src.height() == h) {
            return src;
        }
        int[] out = new int[w * h];
        double[] rgb = new double[3];
        double sx = (double) src.width() / w;
        double sy = (double) src.height() / h;
        for (int v = 0; v < h; v++) {
            for (int u = 0; u < w; u++) {
                sample(src.pixels(), src.width(), src.height(), (u + 0.5) * sx - 0.5, (v + 0.5) * sy - 0.5, rgb);
                out[v * w + u] = pack(rgb);
            }
        }
        return new RgbImage(w, h, out);
    }
}
