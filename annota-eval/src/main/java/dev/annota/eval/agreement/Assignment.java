package dev.annota.eval.agreement;

import java.util.Arrays;

/**
 * Maximum-weight assignment of rows to columns (the Hungarian method with potentials, O(n³)), on a
 * rectangular weight matrix padded to a square with zeros.
 */
final class Assignment {
    private Assignment() {
    }

    /** For each row, its column, or −1; only pairs with a positive weight are returned as assigned. */
    static int[] maximise(double[][] weight, int rows, int cols) {
        int n = Math.max(rows, cols);
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        if (n == 0) {
            return result;
        }
        // 1-based potentials u, v; p[j] = row assigned to column j; cost = −weight
        double[] u = new double[n + 1], v = new double[n + 1];
        int[] p = new int[n + 1], way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            boolean[] used = new boolean[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost(weight, rows, cols, i0 - 1, j - 1) - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        for (int j = 1; j <= n; j++) {
            int i = p[j] - 1, c = j - 1;
            if (i < rows && c < cols && weight[i][c] > 0) {
                result[i] = c;
            }
        }
        return result;
    }

    private static double cost(double[][] w, int rows, int cols, int i, int j) {
        return i < rows && j < cols ? -w[i][j] : 0.0;
    }
}
