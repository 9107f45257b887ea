package dev.annota.core.geometry;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/**
 * Object keypoint similarity, exactly as pycocotools' {@code COCOeval.computeOks}.
 *
 * <p>For keypoint i with sigma σ<sub>i</sub>: {@code var = (2σ)²} and
 * {@code e = (dx² + dy²) / var / (area + eps) / 2} with {@code eps = } {@link #EPS} (numpy's
 * {@code spacing(1)}) and {@code area} the ground truth's {@code area} field; OKS is the mean of
 * {@code exp(-e)} over the keypoints the ground truth labelled ({@code v > 0}). When the ground truth labelled
 * none, every keypoint counts and its distance is measured to the outside of the box around the ground-truth
 * box that is twice as large (from {@code x - w} to {@code x + 2w}, likewise in y):
 * {@code dx = max(0, x0 - xd) + max(0, xd - x1)}. The detection's visibility flags are ignored.
 *
 * <p>The sum is taken in numpy's order (pairwise summation in 8 lanes), so results agree with pycocotools to
 * the last bit wherever {@link Math#exp} and numpy's {@code exp} agree (they may differ by one ulp).
 */
public final class Oks {
    /** numpy's {@code spacing(1)}: the distance from 1.0 to the next double, 2.220446049250313e-16. */
    public static final double EPS = Math.ulp(1.0);

    private static final double[] COCO_PERSON = {
        .26 / 10.0, .25 / 10.0, .25 / 10.0, .35 / 10.0, .35 / 10.0, .79 / 10.0, .79 / 10.0, .72 / 10.0,
        .72 / 10.0, .62 / 10.0, .62 / 10.0, 1.07 / 10.0, 1.07 / 10.0, .87 / 10.0, .87 / 10.0, .89 / 10.0,
        .89 / 10.0,
    };

    private Oks() {
    }

    /**
     * The 17 sigmas of COCO's person keypoints (nose, eyes, ears, shoulders, elbows, wrists, hips, knees,
     * ankles), computed as pycocotools does ({@code [.26, .25, ...] / 10.0}). A fresh copy each call.
     */
    public static double[] cocoPersonSigmas() {
        return COCO_PERSON.clone();
    }

    /**
     * The OKS of detection {@code dt} against ground truth {@code gt}.
     *
     * @param gt the ground-truth keypoints (their visibility decides which count)
     * @param gtArea the ground truth's {@code area} field (COCO: the segment area, not the box area)
     * @param gtBox the ground truth's box, used only when it labelled no keypoint
     * @param dt the detected keypoints, in the same order
     * @param sigmas one per keypoint
     */
    public static double compute(Keypoints gt, double gtArea, PixelBox gtBox, Keypoints dt, double[] sigmas) {
        Objects.requireNonNull(gtBox, "gtBox");
        int k = sigmas.length;
        if (gt.size() != k) {
            throw ValidationException.of("gt.keypoints", gt.size() + " keypoints",
                    "expected one keypoint per sigma (" + k + ")");
        }
        if (dt.size() != k) {
            throw ValidationException.of("dt.keypoints", dt.size() + " keypoints",
                    "expected one keypoint per sigma (" + k + ")");
        }
        Checks.finite("gtArea", gtArea);
        int labelled = gt.labelledCount();
        double x0 = gtBox.x() - gtBox.width(), x1 = gtBox.x() + gtBox.width() * 2;
        double y0 = gtBox.y() - gtBox.height(), y1 = gtBox.y() + gtBox.height() * 2;
        double[] terms = new double[labelled > 0 ? labelled : k];
        int n = 0;
        for (int i = 0; i < k; i++) {
            Keypoint g = gt.points().get(i);
            Point d = dt.points().get(i).position();
            double dx, dy;
            if (labelled > 0) {
                if (!g.visibility().isLabelled()) {
                    continue;
                }
                dx = d.x() - g.position().x();
                dy = d.y() - g.position().y();
            } else {
                dx = Math.max(0, x0 - d.x()) + Math.max(0, d.x() - x1);
                dy = Math.max(0, y0 - d.y()) + Math.max(0, d.y() - y1);
            }
            double var = (sigmas[i] * 2) * (sigmas[i] * 2);
            double e = (dx * dx + dy * dy) / var / (gtArea + EPS) / 2;
            terms[n++] = Math.exp(-e);
        }
        return numpySum(terms, 0, n) / n;
    }

    /** numpy's pairwise sum of {@code a[from, from+n)} (as {@code np.sum} of a contiguous float64 array). */
    static double numpySum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else if (n <= 128) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        } else {
            int n2 = n / 2;
            n2 -= n2 % 8;
            return numpySum(a, from, n2) + numpySum(a, from + n2, n - n2);
        }
    }
}
