package dev.annota.eval.coco;

/**
 * numpy's {@code argsort(-scores, kind='mergesort')}: positions ordered by score, highest first, ties kept in
 * their original order. Scores compare as numbers ({@code -0.0 == 0.0}), on primitive arrays (no boxing).
 */
final class StableOrder {
    private static final int INSERTION = 24;

    private StableOrder() {
    }

    /** Sorts {@code idx[0, n)} (positions into {@code scores}) by descending score, stably. */
    static void byScoreDescending(int[] idx, int n, double[] scores) {
        if (n < 2) {
            return;
        }
        int[] tmp = new int[n];
        sort(idx, tmp, 0, n, scores);
    }

    private static void sort(int[] a, int[] tmp, int lo, int hi, double[] s) {
        if (hi - lo <= INSERTION) {
            for (int i = lo + 1; i < hi; i++) {
                int v = a[i];
                double sv = s[v];
                int j = i - 1;
                while (j >= lo && s[a[j]] < sv) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        sort(a, tmp, lo, mid, s);
        sort(a, tmp, mid, hi, s);
        if (!(s[a[mid - 1]] < s[a[mid]])) {
            return; // already in order
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) {
            a[k++] = s[tmp[j]] > s[tmp[i]] ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < hi) {
            a[k++] = tmp[j++];
        }
    }
}
