package dev.annota.eval.coco;

/**
 * The few numpy operations whose exact rounding COCOeval's numbers depend on: {@code np.mean} (pairwise
 * summation in 8 lanes) and {@code np.spacing(1)}.
 */
final class NumpyMath {
    /** {@code np.spacing(1)}, the distance from 1.0 to the next double. */
    static final double EPS = Math.ulp(1.0);

    private NumpyMath() {
    }

    /** {@code np.mean} of {@code a[0, n)}: numpy's pairwise sum divided by n. */
    static double mean(double[] a, int n) {
        return pairwiseSum(a, 0, n) / n;
    }

    /** numpy's {@code pairwise_sum} of {@code a[from, from+n)}. */
    static double pairwiseSum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        if (n <= 128) {
            double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
            double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
            int i;
            for (i = 8; i < n - (n % 8); i += 8) {
                int j = from + i;
                r0 += a[j];
                r1 += a[j + 1];
                r2 += a[j + 2];
                r3 += a[j + 3];
                r4 += a[j + 4];
                r5 += a[j + 5];
                r6 += a[j + 6];
                r7 += a[j + 7];
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return pairwiseSum(a, from, n2) + pairwiseSum(a, from + n2, n - n2);
    }
}
