package dev.annota.app.embeddings;

/**
 * Principal component analysis of packed vectors down to two dimensions, exact and deterministic: the 2 leading
 * eigenvectors of the covariance matrix by orthogonal (block power) iteration on four vectors started from a fixed
 * basis, the covariance applied implicitly ({@code Xᵀ(X v) / n}, never formed), until the leading two change by
 * less than 1e-10, followed by a Rayleigh–Ritz step. Each axis's sign is fixed so that its largest component is
 * positive. Coordinates are the centred rows projected on the two axes.
 */
public final class Pca {
    private static final int BLOCK = 4;
    private static final int MAX_ITERATIONS = 2000;

    private Pca() {
    }

    /**
     * The projection.
     *
     * @param coordinates {@code n} rows of (x, y)
     * @param axes        the two unit axes, {@code dim} values each
     * @param variances   the variance along each axis (the covariance's two largest eigenvalues)
     */
    public record Result(double[][] coordinates, double[][] axes, double[] variances) {
    }

    public static Result project(float[] values, int n, int dim) {
        double[] mean = new double[dim];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += values[i * dim + d];
            }
        }
        for (int d = 0; d < dim; d++) {
            mean[d] /= Math.max(1, n);
        }
        int b = Math.min(BLOCK, dim);
        double[][] q = new double[b][dim];
        for (int j = 0; j < b; j++) {
            for (int d = 0; d < dim; d++) {
                q[j][d] = (d % b == j ? 1.0 : 0.0) + 1e-3 * Math.sin(1.0 + j * 7.0 + d * 0.37); // fixed, full-rank start
            }
        }
        orthonormalise(q);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double[][] next = new double[b][];
            for (int j = 0; j < b; j++) {
                next[j] = covarianceTimes(values, n, dim, mean, q[j]);
            }
            orthonormalise(next);
            double change = 0;
            for (int j = 0; j < Math.min(2, b); j++) {
                change = Math.max(change, 1 - Math.abs(dotD(next[j], q[j])));
            }
            q = next;
            if (change < 1e-10) {
                break;
            }
        }
        double[][] axes = rayleighRitz(values, n, dim, mean, q);
        double[][] coords = new double[n][2];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < Math.min(2, axes.length); a++) {
                double s = 0;
                for (int d = 0; d < dim; d++) {
                    s += (values[i * dim + d] - mean[d]) * axes[a][d];
                }
                coords[i][a] = s;
            }
        }
        double[] var = new double[2];
        for (int a = 0; a < Math.min(2, axes.length); a++) {
            var[a] = dotD(axes[a], covarianceTimes(values, n, dim, mean, axes[a]));
        }
        return new Result(coords, axes.length >= 2 ? new double[][] {axes[0], axes[1]} : new double[][] {axes[0], new double[dim]}, var);
    }

    /** Within span(q): the eigenvectors of the small matrix qᵀCq, largest first, as vectors of the full space. */
    private static double[][] rayleighRitz(float[] values, int n, int dim, double[] mean, double[][] q) {
        int b = q.length;
        double[][] cq = new double[b][];
        for (int j = 0; j < b; j++) {
            cq[j] = covarianceTimes(values, n, dim, mean, q[j]);
        }
        double[][] small = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                small[i][j] = dotD(q[i], cq[j]);
            }
        }
        double[][] vecs = SymmetricEigen.eigenvectors(small);
        double[][] out = new double[b][dim];
        for (int a = 0; a < b; a++) {
            int maxAt = 0;
            for (int d = 0; d < dim; d++) {
                for (int j = 0; j < b; j++) {
                    out[a][d] += vecs[a][j] * q[j][d];
                }
                if (Math.abs(out[a][d]) > Math.abs(out[a][maxAt]) + 1e-12) {
                    maxAt = d;
                }
            }
            if (out[a][maxAt] < 0) {
                for (int d = 0; d < dim; d++) {
                    out[a][d] = -out[a][d];
                }
            }
        }
        return out;
    }

    /** C v with C = (1/n) Σ (x_i − μ)(x_i − μ)ᵀ, as (1/n) Σ (x_i − μ) ((x_i − μ)·v). */
    private static double[] covarianceTimes(float[] values, int n, int dim, double[] mean, double[] v) {
        double[] out = new double[dim];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int d = 0; d < dim; d++) {
                s += (values[i * dim + d] - mean[d]) * v[d];
            }
            for (int d = 0; d < dim; d++) {
                out[d] += (values[i * dim + d] - mean[d]) * s;
            }
        }
        for (int d = 0; d < dim; d++) {
            out[d] /= Math.max(1, n);
        }
        return out;
    }

    /** Modified Gram–Schmidt; a vector that vanishes is replaced by a unit vector orthogonal to the others. */
    private static void orthonormalise(double[][] q) {
        int dim = q[0].length;
        for (int j = 0; j < q.length; j++) {
            for (int attempt = 0; attempt <= dim; attempt++) {
                for (int i = 0; i < j; i++) {
                    double p = dotD(q[i], q[j]);
                    for (int d = 0; d < dim; d++) {
                        q[j][d] -= p * q[i][d];
                    }
                }
                double norm = Math.sqrt(dotD(q[j], q[j]));
                if (norm > 1e-12) {
                    for (int d = 0; d < dim; d++) {
                        q[j][d] /= norm;
                    }
                    break;
                }
                q[j] = new double[dim];
                q[j][(j + attempt) % dim] = 1;
            }
        }
    }

    static double dotD(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
