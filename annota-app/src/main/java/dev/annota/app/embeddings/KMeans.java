package dev.annota.app.embeddings;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means on packed vectors (row {@code i} at {@code [i * dim, (i + 1) * dim)}) with squared Euclidean distance:
 * k-means++ seeding from a seeded random source, then Lloyd iterations until no assignment changes (or
 * {@code maxIterations}). Deterministic for a seed. A cluster that empties is given the point farthest from its
 * centroid. On unit vectors squared distance is {@code 2 − 2·cosine}, so this clusters by cosine.
 *
 * <p>The medoid of a cluster is its member with the least sum of squared distances to the other members, which
 * is exactly its member nearest the centroid ({@code Σ_j |x_i − x_j|² = m|x_i − c|² + Σ_j |x_j − c|²}).
 */
public final class KMeans {
    private KMeans() {
    }

    /**
     * What the clustering found.
     *
     * @param assignment cluster of each row, 0..k-1
     * @param centroids  k rows of dim values
     * @param medoids    the medoid row of each cluster
     * @param iterations Lloyd iterations run
     * @param converged  whether the last iteration changed no assignment
     */
    public record Result(int[] assignment, float[] centroids, int[] medoids, int iterations, boolean converged) {
    }

    public static Result cluster(float[] values, int n, int dim, int k, long seed, int maxIterations) {
        if (k < 1 || k > n) {
            throw new IllegalArgumentException("k must be 1.." + n + ", got " + k);
        }
        float[] c = seed(values, n, dim, k, new SplittableRandom(seed));
        int[] assign = new int[n];
        Arrays.fill(assign, -1);
        int it = 0;
        boolean changed = true;
        while (changed && it < maxIterations) {
            it++;
            changed = false;
            for (int i = 0; i < n; i++) {
                int best = nearestCentroid(values, i * dim, c, k, dim);
                if (best != assign[i]) {
                    assign[i] = best;
                    changed = true;
                }
            }
            if (changed) {
                update(values, n, dim, k, assign, c);
            }
        }
        return new Result(assign, c, medoids(values, n, dim, k, assign, c), it, !changed);
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to D(x)². */
    private static float[] seed(float[] v, int n, int dim, int k, SplittableRandom random) {
        float[] c = new float[k * dim];
        int first = random.nextInt(n);
        System.arraycopy(v, first * dim, c, 0, dim);
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = dist2(v, i * dim, c, 0, dim);
        }
        for (int j = 1; j < k; j++) {
            double total = 0;
            for (double d : d2) {
                total += d;
            }
            int pick;
            if (total <= 0) {
                pick = random.nextInt(n); // every point sits on a centre already
            } else {
                double r = random.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    r -= d2[i];
                    if (r < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            System.arraycopy(v, pick * dim, c, j * dim, dim);
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], dist2(v, i * dim, c, j * dim, dim));
            }
        }
        return c;
    }

    private static void update(float[] v, int n, int dim, int k, int[] assign, float[] c) {
        double[] sum = new double[k * dim];
        int[] count = new int[k];
        for (int i = 0; i < n; i++) {
            int a = assign[i];
            count[a]++;
            for (int d = 0; d < dim; d++) {
                sum[a * dim + d] += v[i * dim + d];
            }
        }
        for (int j = 0; j < k; j++) {
            if (count[j] == 0) {
                int far = farthest(v, n, dim, assign, c);
                System.arraycopy(v, far * dim, c, j * dim, dim);
                assign[far] = j; // so two empty clusters do not take the same point
                continue;
            }
            for (int d = 0; d < dim; d++) {
                c[j * dim + d] = (float) (sum[j * dim + d] / count[j]);
            }
        }
    }

    private static int farthest(float[] v, int n, int dim, int[] assign, float[] c) {
        int best = 0;
        double bestD = -1;
        for (int i = 0; i < n; i++) {
            double d = dist2(v, i * dim, c, assign[i] * dim, dim);
            if (d > bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private static int[] medoids(float[] v, int n, int dim, int k, int[] assign, float[] c) {
        int[] medoid = new int[k];
        double[] best = new double[k];
        Arrays.fill(medoid, -1);
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int a = assign[i];
            double d = dist2(v, i * dim, c, a * dim, dim);
            if (d < best[a]) {
                best[a] = d;
                medoid[a] = i;
            }
        }
        return medoid;
    }

    static int nearestCentroid(float[] v, int off, float[] c, int k, int dim) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double d = dist2(v, off, c, j * dim, dim);
            if (d < bestD) {
                bestD = d;
                best = j;
            }
        }
        return best;
    }

    static double dist2(float[] a, int ao, float[] b, int bo, int dim) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double x = a[ao + d] - b[bo + d];
            s += x * x;
        }
        return s;
    }
}
