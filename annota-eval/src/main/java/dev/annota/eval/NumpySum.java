package dev.annota.eval;

/**
 * Sums and means in the order numpy's {@code np.sum} uses (pairwise summation: eight running partial sums per
 * block of up to 128 values, blocks combined by halving): more accurate than a running sum, and close to
 * scikit-learn's rounding.
 */
public final class NumpySum {
    private static final int BLOCK = 128;

    private NumpySum() {
    }

    public static double sum(double[] a) {
        return sum(a, 0, a.length);
    }

    private static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double s = 0.0;
            for (int i = from; i < from + n; i++) {
                s += a[i];
            }
            return s;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            for (int j = 0; j < 8; j++) {
                r[j] = a[from + j];
            }
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) {
                    r[j] += a[from + i + j];
                }
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) {
                res += a[from + i];
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }

    public static double mean(double[] a) {
        return sum(a) / a.length;
    }

    /** {@code np.average(a, weights=w)}: Σ a·w / Σ w. */
    public static double weightedMean(double[] a, double[] w) {
        double[] aw = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            aw[i] = a[i] * w[i];
        }
        return sum(aw) / sum(w);
    }
}
