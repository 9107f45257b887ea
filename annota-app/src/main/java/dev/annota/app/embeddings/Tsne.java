package dev.annota.app.embeddings;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.Random;

/**
 * t-SNE (van der Maaten and Hinton, 2008) of packed vectors down to two dimensions, deterministic for a seed.
 * Input affinities as in Barnes-Hut t-SNE: each point's Gaussian over its {@code 3·perplexity} nearest
 * neighbours (squared Euclidean distance), its bandwidth found by bisection so that the distribution's
 * perplexity is the one asked for, then symmetrised ({@code (p_j|i + p_i|j) / 2n}). The gradient is exact
 * (every pair's Student-t repulsion, O(n²) per iteration, one thread), which is why {@link #MAX_POINTS} bounds
 * the input. Optimisation as in the reference implementation: early exaggeration 12 for the first 250
 * iterations, momentum 0.5 then 0.8, per-coordinate gains, learning rate {@code max(n / 48, 50)}, the map
 * re-centred after every step, starting from N(0, 10⁻⁴) points drawn from the seed.
 */
public final class Tsne {
    /** The most points one map may hold (an exact gradient costs n² per iteration). */
    public static final int MAX_POINTS = 5000;
    private static final int EXAGGERATION_ITERATIONS = 250;
    private static final double EXAGGERATION = 12;

    private Tsne() {
    }

    /**
     * How to run.
     *
     * @param perplexity the effective number of neighbours each point attends to, 2 to 100 (30 is usual); lowered
     *                   to {@code (n − 1) / 3} for small inputs
     * @param iterations gradient steps, 250 to 5000 (1000 is usual)
     * @param seed       the random start
     */
    public record Options(double perplexity, int iterations, long seed) {
        public Options {
            if (!(perplexity >= 2 && perplexity <= 100)) {
                throw ValidationException.of("perplexity", perplexity, "expected a number from 2 to 100 (30 is usual)");
            }
            if (iterations < EXAGGERATION_ITERATIONS || iterations > 5000) {
                throw ValidationException.of("iterations", iterations, "expected 250 to 5000 iterations");
            }
        }

        /** Perplexity 30, 1000 iterations. */
        public static Options of(long seed) {
            return new Options(30, 1000, seed);
        }
    }

    /** The {@code n} rows of {@code dim} values each, as {@code n} rows of (x, y). */
    public static double[][] embed(float[] values, int n, int dim, Options options) {
        if (n > MAX_POINTS) {
            throw ValidationException.of("method", "tsne", "t-SNE maps at most " + MAX_POINTS + " images (this has " + n
                    + "); use method=pca");
        }
        double[][] y = new double[n][2];
        if (n < 2) {
            return y;
        }
        Affinities p = affinities(values, n, dim, Math.max(1, Math.min(options.perplexity(), (n - 1) / 3.0)));
        Random random = new Random(options.seed());
        double[] pos = new double[2 * n];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = random.nextGaussian() * 1e-2;
        }
        double[] update = new double[2 * n];
        double[] gains = new double[2 * n];
        Arrays.fill(gains, 1);
        double[] grad = new double[2 * n];
        double rate = Math.max(n / EXAGGERATION / 4, 50);
        for (int it = 0; it < options.iterations(); it++) {
            boolean early = it < EXAGGERATION_ITERATIONS;
            gradient(pos, n, p, early ? EXAGGERATION : 1, grad);
            double momentum = early ? 0.5 : 0.8;
            for (int i = 0; i < pos.length; i++) {
                boolean sameSign = grad[i] > 0 == update[i] > 0;
                gains[i] = Math.max(0.01, sameSign ? gains[i] * 0.8 : gains[i] + 0.2);
                update[i] = momentum * update[i] - rate * gains[i] * grad[i];
                pos[i] += update[i];
            }
            centre(pos, n);
        }
        for (int i = 0; i < n; i++) {
            y[i][0] = pos[2 * i];
            y[i][1] = pos[2 * i + 1];
        }
        return y;
    }

    /** Symmetric input affinities, sparse by rows: row i's neighbours {@code col[start[i]..start[i+1])}. */
    private record Affinities(int[] start, int[] col, double[] value) {
    }

    private static Affinities affinities(float[] values, int n, int dim, double perplexity) {
        int k = Math.min(n - 1, (int) Math.ceil(3 * perplexity));
        int[][] nbr = new int[n][k];
        double[][] cond = new double[n][k];
        double[] dist = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist[j] = j == i ? Double.POSITIVE_INFINITY : squaredDistance(values, dim, i, j);
                order[j] = j;
            }
            Arrays.sort(order, (a, b) -> a.equals(b) ? 0 : dist[a] != dist[b] ? Double.compare(dist[a], dist[b]) : Integer.compare(a, b));
            double[] d = new double[k];
            for (int m = 0; m < k; m++) {
                nbr[i][m] = order[m];
                d[m] = dist[order[m]];
            }
            cond[i] = conditional(d, perplexity);
        }
        // symmetrise: p_ij = (p_j|i + p_i|j) / 2n, each pair once per row
        java.util.List<java.util.Map<Integer, Double>> rows = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            rows.add(new java.util.TreeMap<>());
        }
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                double v = cond[i][m] / (2.0 * n);
                rows.get(i).merge(nbr[i][m], v, Double::sum);
                rows.get(nbr[i][m]).merge(i, v, Double::sum);
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + rows.get(i).size();
        }
        int[] col = new int[start[n]];
        double[] value = new double[start[n]];
        for (int i = 0; i < n; i++) {
            int at = start[i];
            for (java.util.Map.Entry<Integer, Double> e : rows.get(i).entrySet()) {
                col[at] = e.getKey();
                value[at++] = e.getValue();
            }
        }
        return new Affinities(start, col, value);
    }

    /** p_j|i over the sorted neighbour distances, with the Gaussian precision bisected to the perplexity. */
    private static double[] conditional(double[] d, double perplexity) {
        double target = Math.log(perplexity);
        double beta = 1;
        double lo = 0;
        double hi = Double.POSITIVE_INFINITY;
        double[] p = new double[d.length];
        double nearest = d.length == 0 ? 0 : d[0];
        for (int step = 0; step < 200; step++) {
            double sum = 0;
            double weighted = 0;
            for (int m = 0; m < d.length; m++) {
                p[m] = Math.exp(-beta * (d[m] - nearest)); // shifted by the nearest distance: no underflow
                sum += p[m];
                weighted += p[m] * (d[m] - nearest);
            }
            double entropy = Math.log(sum) + beta * weighted / sum;
            for (int m = 0; m < d.length; m++) {
                p[m] /= sum;
            }
            if (Math.abs(entropy - target) < 1e-6) {
                break;
            }
            if (entropy > target) {
                lo = beta;
                beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
            } else {
                hi = beta;
                beta = (beta + lo) / 2;
            }
        }
        return p;
    }

    /** The Kullback–Leibler gradient with the attraction scaled by {@code exaggeration}. */
    private static void gradient(double[] pos, int n, Affinities p, double exaggeration, double[] grad) {
        double[] rep = new double[2 * n];
        double z = 0;
        for (int i = 0; i < n; i++) {
            double xi = pos[2 * i];
            double yi = pos[2 * i + 1];
            double rx = 0;
            double ry = 0;
            for (int j = i + 1; j < n; j++) {
                double dx = xi - pos[2 * j];
                double dy = yi - pos[2 * j + 1];
                double q = 1 / (1 + dx * dx + dy * dy);
                z += 2 * q;
                double q2 = q * q;
                rx += q2 * dx;
                ry += q2 * dy;
                rep[2 * j] -= q2 * dx;
                rep[2 * j + 1] -= q2 * dy;
            }
            rep[2 * i] += rx;
            rep[2 * i + 1] += ry;
        }
        for (int i = 0; i < n; i++) {
            double ax = 0;
            double ay = 0;
            for (int at = p.start()[i]; at < p.start()[i + 1]; at++) {
                int j = p.col()[at];
                double dx = pos[2 * i] - pos[2 * j];
                double dy = pos[2 * i + 1] - pos[2 * j + 1];
                double w = exaggeration * p.value()[at] / (1 + dx * dx + dy * dy);
                ax += w * dx;
                ay += w * dy;
            }
            grad[2 * i] = 4 * (ax - rep[2 * i] / z);
            grad[2 * i + 1] = 4 * (ay - rep[2 * i + 1] / z);
        }
    }

    private static void centre(double[] pos, int n) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += pos[2 * i];
            my += pos[2 * i + 1];
        }
        mx /= n;
        my /= n;
        for (int i = 0; i < n; i++) {
            pos[2 * i] -= mx;
            pos[2 * i + 1] -= my;
        }
    }

    private static double squaredDistance(float[] values, int dim, int a, int b) {
        double s = 0;
        for (int d = 0; d < dim; d++) {
            double t = values[a * dim + d] - values[b * dim + d];
            s += t * t;
        }
        return s;
    }
}
