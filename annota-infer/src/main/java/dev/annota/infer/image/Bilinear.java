package dev.annota.infer.image;

/** Bilinear sampling positions along one axis, with edge clamping. */
public final class Bilinear {
    private Bilinear() {
    }

    /**
     * For source coordinate {@code src} (pixel centres at integers) on an axis of {@code len} pixels, stores the
     * two neighbouring indices and the weight of the second at {@code at}.
     */
    public static void sample(double src, int len, int at, int[] i0, int[] i1, float[] f) {
        if (src <= 0) {
            i0[at] = 0;
            i1[at] = 0;
            f[at] = 0;
        } else if (src >= len - 1) {
            i0[at] = len - 1;
            i1[at] = len - 1;
            f[at] = 0;
        } else {
            int lo = (int) src;
            i0[at] = lo;
            i1[at] = lo + 1;
            f[at] = (float) (src - lo);
        }
    }
}
