package dev.annota.app.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** kNN against a naive reference, k-means on synthetic blobs, PCA against hand-computed cases. */
class EmbeddingMathTest {
    static float[] random(int n, int dim, long seed) {
        Random r = new Random(seed);
        float[] v = new float[n * dim];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        return v;
    }

    static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> "img" + i).toList();
    }

    @Test
    void nearest_neighbours_match_a_naive_double_precision_reference() {
        int n = 2000;
        int dim = 37;
        float[] raw = random(n, dim, 1);
        VectorIndex index = new VectorIndex(ids(n), raw.clone(), dim);
        for (int query : new int[] {0, 17, 1999}) {
            double[] cos = new double[n];
            for (int j = 0; j < n; j++) {
                double dot = 0;
                double na = 0;
                double nb = 0;
                for (int d = 0; d < dim; d++) {
                    dot += (double) raw[query * dim + d] * raw[j * dim + d];
                    na += (double) raw[query * dim + d] * raw[query * dim + d];
                    nb += (double) raw[j * dim + d] * raw[j * dim + d];
                }
                cos[j] = dot / Math.sqrt(na * nb);
            }
            List<Integer> expected = IntStream.range(0, n).boxed().filter(j -> j != query)
                    .sorted(Comparator.comparingDouble((Integer j) -> -cos[j])).limit(20).toList();
            List<VectorIndex.Hit> hits = index.nearest(query, 20);
            assertEquals(expected, hits.stream().map(VectorIndex.Hit::row).toList());
            for (VectorIndex.Hit h : hits) {
                assertEquals(cos[h.row()], h.similarity(), 1e-5);
            }
        }
    }

    @Test
    void nearest_asks_for_more_than_there_are_and_gets_every_other_row() {
        VectorIndex index = new VectorIndex(ids(3), new float[] {1, 0, 0, 1, 1, 1}, 2);
        List<VectorIndex.Hit> hits = index.nearest(0, 10);
        assertEquals(List.of(2, 1), hits.stream().map(VectorIndex.Hit::row).toList());
        assertEquals(Math.sqrt(0.5), hits.get(0).similarity(), 1e-6);
        assertEquals(0, hits.get(1).similarity(), 1e-6);
    }

    @Test
    void pairs_above_a_threshold_are_exactly_the_near_copies() {
        float[] v = random(50, 16, 2);
        Random r = new Random(3);
        float[] withCopies = java.util.Arrays.copyOf(v, 53 * 16);
        int[] copied = {4, 20, 33};
        for (int c = 0; c < 3; c++) {
            for (int d = 0; d < 16; d++) {
                withCopies[(50 + c) * 16 + d] = v[copied[c] * 16 + d] + (float) (0.01 * r.nextGaussian());
            }
        }
        VectorIndex index = new VectorIndex(ids(53), withCopies, 16);
        List<VectorIndex.Pair> pairs = index.pairsAtLeast(0.95, 100);
        Set<List<Integer>> found = new HashSet<>();
        pairs.forEach(p -> found.add(List.of(p.a(), p.b())));
        assertEquals(Set.of(List.of(4, 50), List.of(20, 51), List.of(33, 52)), found);
        assertEquals(1, index.pairsAtLeast(0.95, 1).size());
    }

    @Test
    void k_means_recovers_three_separated_blobs_and_is_deterministic_for_a_seed() {
        int perBlob = 100;
        int dim = 8;
        Random r = new Random(4);
        float[] v = new float[3 * perBlob * dim];
        int[] truth = new int[3 * perBlob];
        for (int b = 0; b < 3; b++) {
            for (int i = 0; i < perBlob; i++) {
                int row = b * perBlob + i;
                truth[row] = b;
                for (int d = 0; d < dim; d++) {
                    v[row * dim + d] = (float) ((d == b ? 10 : 0) + r.nextGaussian());
                }
            }
        }
        KMeans.Result result = KMeans.cluster(v, 3 * perBlob, dim, 3, 42, 100);
        assertTrue(result.converged());
        for (int b = 0; b < 3; b++) {
            int cluster = result.assignment()[b * perBlob];
            for (int i = 0; i < perBlob; i++) {
                assertEquals(cluster, result.assignment()[b * perBlob + i], "blob " + b + " row " + i);
            }
            assertEquals(truth[result.medoids()[cluster]], b, "the medoid lies in its blob");
        }
        assertEquals(3, java.util.Arrays.stream(result.assignment()).distinct().count());
        assertArrayEquals(result.assignment(), KMeans.cluster(v, 3 * perBlob, dim, 3, 42, 100).assignment());
    }

    @Test
    void the_medoid_is_the_member_with_the_least_summed_squared_distance() {
        float[] v = random(60, 5, 5);
        KMeans.Result result = KMeans.cluster(v, 60, 5, 4, 7, 100);
        for (int c = 0; c < 4; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                if (result.assignment()[i] == c) {
                    members.add(i);
                }
            }
            int best = -1;
            double bestSum = Double.POSITIVE_INFINITY;
            for (int a : members) {
                double s = 0;
                for (int b : members) {
                    s += KMeans.dist2(v, a * 5, v, b * 5, 5);
                }
                if (s < bestSum - 1e-9) {
                    bestSum = s;
                    best = a;
                }
            }
            assertEquals(best, result.medoids()[c], "cluster " + c);
        }
    }

    @Test
    void pca_of_an_axis_aligned_cross_gives_the_axes_and_their_variances() {
        float[] v = {2, 0, -2, 0, 0, 1, 0, -1};
        Pca.Result r = Pca.project(v, 4, 2);
        assertArrayEquals(new double[] {1, 0}, r.axes()[0], 1e-9);
        assertArrayEquals(new double[] {0, 1}, r.axes()[1], 1e-9);
        assertArrayEquals(new double[] {2, 0.5}, r.variances(), 1e-9);
        assertArrayEquals(new double[] {2, 0}, r.coordinates()[0], 1e-9);
        assertArrayEquals(new double[] {0, -1}, r.coordinates()[3], 1e-9);
    }

    @Test
    void pca_of_a_rotated_box_in_three_dimensions_matches_the_hand_computation() {
        // points t·(1,1,0)/√2 + u·(0,0,1) + (5,5,5), t = ±3, u = ±1: covariance eigenvalues 9 and 1 on those axes
        double s = 3 / Math.sqrt(2);
        float[] v = new float[12];
        int i = 0;
        for (int t : new int[] {1, -1}) {
            for (int u : new int[] {1, -1}) {
                v[i++] = (float) (5 + t * s);
                v[i++] = (float) (5 + t * s);
                v[i++] = 5 + u;
            }
        }
        Pca.Result r = Pca.project(v, 4, 3);
        assertArrayEquals(new double[] {Math.sqrt(0.5), Math.sqrt(0.5), 0}, r.axes()[0], 1e-6);
        assertArrayEquals(new double[] {0, 0, 1}, r.axes()[1], 1e-6);
        assertArrayEquals(new double[] {9, 1}, r.variances(), 1e-5);
        assertArrayEquals(new double[] {3, 1}, r.coordinates()[0], 1e-5);
        assertArrayEquals(new double[] {-3, -1}, r.coordinates()[3], 1e-5);
    }

    @Test
    void pca_of_random_data_matches_a_jacobi_eigendecomposition_of_the_full_covariance() {
        int n = 300;
        int dim = 6;
        float[] v = random(n, dim, 9);
        for (int k = 0; k < n; k++) {
            v[k * dim] *= 4; // a clear first axis
            v[k * dim + 3] *= 2.5f;
        }
        double[] mean = new double[dim];
        for (int k = 0; k < n; k++) {
            for (int d = 0; d < dim; d++) {
                mean[d] += v[k * dim + d] / n;
            }
        }
        double[][] cov = new double[dim][dim];
        for (int k = 0; k < n; k++) {
            for (int a = 0; a < dim; a++) {
                for (int b = 0; b < dim; b++) {
                    cov[a][b] += (v[k * dim + a] - mean[a]) * (v[k * dim + b] - mean[b]) / n;
                }
            }
        }
        double[][] eig = SymmetricEigen.eigenvectors(cov);
        Pca.Result r = Pca.project(v, n, dim);
        for (int a = 0; a < 2; a++) {
            assertEquals(1, Math.abs(Pca.dotD(eig[a], r.axes()[a])), 1e-8, "axis " + a);
        }
        assertArrayEquals(r.coordinates()[0], Pca.project(v, n, dim).coordinates()[0], 0, "deterministic");
    }
}
