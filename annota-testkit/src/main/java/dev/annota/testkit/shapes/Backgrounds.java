package dev.annota.testkit.shapes;

/**
 * Paints the textured backgrounds into an {@code 0xRRGGBB} raster ({@code raster[y * width + x]}). Colours are
 * muted (channels within a small spread around one brightness), so the saturated shape colours stand out.
 * Only integer arithmetic, IEEE double arithmetic and {@link StrictMath} are used: the same on every machine.
 */
final class Backgrounds {
    private static final int SPREAD = 22;
    /** Gradients use this many steps (more than the 8-bit difference between their two colours). */
    private static final int GRADIENT_LEVELS = 1024;

    private Backgrounds() {
    }

    static void paint(BackgroundStyle style, SplitMix64 rng, int width, int height, int[] raster) {
        int brightness = rng.nextInt(20, 235);
        int first = muted(rng, brightness);
        int second = muted(rng, clamp(brightness + (rng.nextBoolean(0.5) ? 1 : -1) * rng.nextInt(25, 60)));
        int shorter = Math.min(width, height);
        switch (style) {
            case PLAIN -> java.util.Arrays.fill(raster, 0, width * height, first);
            case NOISE -> noise(rng, width, height, first, raster);
            case GRADIENT -> gradient(rng.nextDouble(0, 360), width, height, first, second, raster);
            case STRIPES -> stripes(rng.nextDouble(0, 180), period(rng, shorter), width, height, first, second, raster);
            case CHECKER -> checker(period(rng, shorter), width, height, first, second, raster);
            default -> throw new IllegalArgumentException("unknown background " + style);
        }
    }

    private static int period(SplitMix64 rng, int shorter) {
        return rng.nextInt(Math.max(3, shorter / 40), Math.max(4, shorter / 6));
    }

    private static int muted(SplitMix64 rng, int brightness) {
        int r = clamp(brightness + rng.nextInt(-SPREAD, SPREAD));
        int g = clamp(brightness + rng.nextInt(-SPREAD, SPREAD));
        int b = clamp(brightness + rng.nextInt(-SPREAD, SPREAD));
        return r << 16 | g << 8 | b;
    }

    /** Smooth value noise on a lattice (bilinear with smoothstep), plus per-pixel grain in [-8, 7]. */
    private static void noise(SplitMix64 rng, int width, int height, int base, int[] raster) {
        int cell = rng.nextInt(6, Math.max(7, Math.min(width, height) / 6));
        double amplitude = rng.nextDouble(12, 40);
        long key = rng.nextLong();
        int gw = width / cell + 2, gh = height / cell + 2;
        double[] lattice = new double[gw * gh];
        for (int i = 0; i < lattice.length; i++) {
            lattice[i] = unit(SplitMix64.mix(key + i)) * 2 - 1;
        }
        double[] weight = new double[cell];
        for (int i = 0; i < cell; i++) {
            weight[i] = smooth((i + 0.5) / cell);
        }
        double[] column = new double[gw];
        SplitMix64 grain = new SplitMix64(key);
        long bits = 0;
        for (int y = 0; y < height; y++) {
            int gy = y / cell;
            double ty = weight[y % cell];
            for (int gx = 0; gx < gw; gx++) {
                double top = lattice[gy * gw + gx];
                column[gx] = top + (lattice[(gy + 1) * gw + gx] - top) * ty;
            }
            int gx = 0, inCell = 0;
            for (int x = 0; x < width; x++) {
                double v = column[gx] + (column[gx + 1] - column[gx]) * weight[inCell];
                if ((x & 15) == 0) {
                    bits = grain.nextLong();
                }
                int offset = (int) Math.round(v * amplitude) + (int) ((bits >>> ((x & 15) << 2)) & 15) - 8;
                raster[y * width + x] = shift(base, offset);
                if (++inCell == cell) {
                    inCell = 0;
                    gx++;
                }
            }
        }
    }

    private static void gradient(double degrees, int width, int height, int from, int to, int[] raster) {
        double a = Math.toRadians(degrees);
        double cos = StrictMath.cos(a), sin = StrictMath.sin(a);
        double min = Math.min(0, width * cos) + Math.min(0, height * sin);
        double max = Math.max(0, width * cos) + Math.max(0, height * sin);
        int[] levels = new int[GRADIENT_LEVELS + 1];
        for (int i = 0; i <= GRADIENT_LEVELS; i++) {
            levels[i] = lerp(from, to, (double) i / GRADIENT_LEVELS);
        }
        double scale = GRADIENT_LEVELS / (max - min);
        double dx = cos * scale;
        for (int y = 0; y < height; y++) {
            double rowStart = ((y + 0.5) * sin - min) * scale;
            for (int x = 0; x < width; x++) {
                double t = (x + 0.5) * dx + rowStart;
                raster[y * width + x] = levels[(int) Math.max(0, Math.min(GRADIENT_LEVELS, t))];
            }
        }
    }

    private static void stripes(double degrees, int period, int width, int height, int first, int second,
                                int[] raster) {
        double a = Math.toRadians(degrees);
        double cos = StrictMath.cos(a), sin = StrictMath.sin(a);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double d = (x + 0.5) * cos + (y + 0.5) * sin;
                long band = (long) Math.floor(d / period);
                raster[y * width + x] = (band & 1) == 0 ? first : second;
            }
        }
    }

    private static void checker(int cell, int width, int height, int first, int second, int[] raster) {
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster[y * width + x] = ((x / cell + y / cell) & 1) == 0 ? first : second;
            }
        }
    }

    private static double unit(long bits) {
        return (bits >>> 11) * 0x1.0p-53;
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    private static int lerp(int from, int to, double t) {
        int r = (int) Math.round(((from >> 16) & 255) + (((to >> 16) & 255) - ((from >> 16) & 255)) * t);
        int g = (int) Math.round(((from >> 8) & 255) + (((to >> 8) & 255) - ((from >> 8) & 255)) * t);
        int b = (int) Math.round((from & 255) + ((to & 255) - (from & 255)) * t);
        return r << 16 | g << 8 | b;
    }

    private static int shift(int rgb, int offset) {
        return clamp(((rgb >> 16) & 255) + offset) << 16 | clamp(((rgb >> 8) & 255) + offset) << 8
                | clamp((rgb & 255) + offset);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
