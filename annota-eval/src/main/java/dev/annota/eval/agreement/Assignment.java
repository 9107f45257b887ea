package dev.annota.eval.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Maximum-weight assignment of rows to columns (the Hungarian method with potentials, O(n³)), on a
 * rectangular weight matrix padded to a square with zeros; or greedily, highest weight first. Used by
 * {@link ShapeAgreement} and by {@code dev.annota.eval.consensus}.
 */
public final class Assignment {
    private Assignment() {
    }

    /** For each row, its column, or −1; only pairs with a positive weight are returned as assigned. */
    public static int[] maximise(double[][] weight, int rows, int cols) {
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

    /**
     * Greedy matching: pairs with a positive weight taken highest first (ties by row, then column), each row and
     * column at most once. For each row, its column, or −1.
     */
    public static int[] greedy(double[][] w) {
        int rows = w.length, cols = rows == 0 ? 0 : w[0].length;
        List<int[]> candidates = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (w[i][j] > 0) {
                    candidates.add(new int[] {i, j});
                }
            }
        }
        candidates.sort(Comparator.comparingDouble((int[] c) -> -w[c[0]][c[1]])
                .thenComparingInt(c -> c[0]).thenComparingInt(c -> c[1]));
        int[] result = new int[rows];
        Arrays.fill(result, -1);
        boolean[] takenCol = new boolean[cols];
        for (int[] c : candidates) {
            if (result[c[0]] < 0 && !takenCol[c[1]]) {
                result[c[0]] = c[1];
                takenCol[c[1]] = true;
            }
        }
        return result;
    }

    private static double cost(double[][] w, int rows, int cols, int i, int j) {
        return i < rows && j < cols ? -w[i][j] : 0.0;
    }
}
