package dev.annota.infer.image;

import dev.annota.infer.descriptor.ResizeFilter;

/**
 * The source pixels and weights behind each output pixel along one axis of a resize: output pixel {@code d}
 * (for {@code d} in {@code [from, to)}) is {@code Σ weight(d, j) · src[start(d) + j]} over {@code j <
 * count(d)}. Output coordinates map to source ones by {@code (out − offset) / scale} (pixel edges at
 * integers), as {@link InputTransform} does.
 */
final class Taps {
    /** PIL's fixed-point precision for resampling coefficients. */
    private static final double PIL_ONE = 1 << 22;
    /** OpenCV's fixed-point precision for INTER_LINEAR coefficients. */
    private static final double CV_ONE = 1 << 11;

    final int from;
    final int to;
    final int maxTaps;
    final int[] start;
    final int[] count;
    final float[] weights;

    private Taps(int from, int to, int maxTaps) {
        this.from = from;
        this.to = to;
        this.maxTaps = maxTaps;
        int n = Math.max(0, to - from);
        this.start = new int[n];
        this.count = new int[n];
        this.weights = new float[n * maxTaps];
    }

    int start(int d) {
        return start[d - from];
    }

    int count(int d) {
        return count[d - from];
    }

    float weight(int d, int j) {
        return weights[(d - from) * maxTaps + j];
    }

    /** Lowest and highest source index any output pixel reads, as {@code {lo, hi}} ({@code {0, -1}} when none). */
    int[] sourceRange() {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (int i = 0; i < start.length; i++) {
            lo = Math.min(lo, start[i]);
            hi = Math.max(hi, start[i] + count[i] - 1);
        }
        return hi < 0 ? new int[] {0, -1} : new int[] {lo, hi};
    }

    /** Taps for output pixels {@code [from, to)} of an axis with {@code srcLen} source pixels. */
    static Taps of(ResizeFilter filter, double scale, double offset, int srcLen, int from, int to) {
        double inv = 1 / scale;
        ResizeFilter f = filter == ResizeFilter.AREA && inv <= 1 ? ResizeFilter.BILINEAR : filter;
        int maxTaps = switch (f) {
            case NEAREST -> 1;
            case BILINEAR -> 2;
            case BILINEAR_ANTIALIAS, LANCZOS3 -> (int) Math.ceil(support(f) * Math.max(inv, 1)) * 2 + 2;
            case AREA -> (int) Math.ceil(inv) + 2;
        };
        Taps t = new Taps(from, to, maxTaps);
        for (int d = from; d < to; d++) {
            int i = d - from;
            double centre = (d + 0.5 - offset) * inv;
            switch (f) {
                case NEAREST -> {
                    t.start[i] = clamp((int) Math.floor(centre), srcLen);
                    t.count[i] = 1;
                    t.weights[i * maxTaps] = 1;
                }
                case BILINEAR -> bilinear(t, i, centre - 0.5, srcLen);
                case BILINEAR_ANTIALIAS, LANCZOS3 -> convolve(t, i, f, centre, Math.max(inv, 1), srcLen);
                case AREA -> area(t, i, (d - offset) * inv, (d + 1 - offset) * inv, srcLen);
            }
        }
        return t;
    }

    /** OpenCV INTER_LINEAR: edge clamp, weights in 11-bit fixed point. */
    private static void bilinear(Taps t, int i, double src, int len) {
        int at = i * t.maxTaps;
        if (src <= 0 || src >= len - 1 || len == 1) {
            t.start[i] = src <= 0 ? 0 : len - 1;
            t.count[i] = 1;
            t.weights[at] = 1;
            return;
        }
        int lo = (int) Math.floor(src);
        double w0 = Math.rint((1 - (src - lo)) * CV_ONE) / CV_ONE;
        t.start[i] = lo;
        t.count[i] = 2;
        t.weights[at] = (float) w0;
        t.weights[at + 1] = (float) (1 - w0);
    }

    /** The filter's support in source pixels before scaling. */
    private static double support(ResizeFilter f) {
        return switch (f) {
            case LANCZOS3 -> 3;
            default -> 1;
        };
    }

    /** The filter's kernel at {@code x}, PIL's definitions. */
    private static double kernel(ResizeFilter f, double x) {
        double u = Math.abs(x);
        return switch (f) {
            case LANCZOS3 -> u < 3 ? sinc(u) * sinc(u / 3) : 0;
            default -> u < 1 ? 1 - u : 0;
        };
    }

    private static double sinc(double x) {
        return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    }

    /** PIL's precompute_coeffs: the kernel's support scaled by the downscale factor, taps clipped to the image. */
    private static void convolve(Taps t, int i, ResizeFilter f, double centre, double filterScale, int len) {
        double support = support(f) * filterScale;
        int lo = Math.max(0, (int) (centre - support + 0.5));
        int hi = Math.min(len, (int) (centre + support + 0.5));
        int n = Math.max(1, hi - lo);
        double[] w = new double[n];
        double sum = 0;
        for (int x = 0; x < hi - lo; x++) {
            w[x] = kernel(f, (x + lo - centre + 0.5) / filterScale);
            sum += w[x];
        }
        if (sum == 0) {
            lo = clamp((int) Math.floor(centre), len);
            w[0] = 1;
            sum = 1;
            n = 1;
        }
        t.start[i] = lo;
        t.count[i] = n;
        for (int x = 0; x < n; x++) {
            t.weights[i * t.maxTaps + x] = (float) (Math.rint(w[x] / sum * PIL_ONE) / PIL_ONE);
        }
    }

    /** OpenCV INTER_AREA when shrinking: each source pixel weighs by how much of it the output pixel covers. */
    private static void area(Taps t, int i, double a, double b, int len) {
        int lo = (int) Math.floor(a);
        int hi = (int) Math.ceil(b);
        int first = clamp(lo, len);
        int last = clamp(hi - 1, len);
        int at = i * t.maxTaps;
        double total = b - a;
        for (int x = lo; x < hi; x++) {
            double cover = Math.min(b, x + 1) - Math.max(a, x);
            if (cover > 0) {
                t.weights[at + clamp(x, len) - first] += (float) (cover / total);
            }
        }
        t.start[i] = first;
        t.count[i] = last - first + 1;
    }

    private static int clamp(int x, int len) {
        return Math.max(0, Math.min(len - 1, x));
    }
}
