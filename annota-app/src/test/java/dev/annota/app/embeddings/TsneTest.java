package dev.annota.app.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.error.ValidationException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TsneTest {
    private static final int PER_CLUSTER = 40;
    private static final int CLUSTERS = 3;
    private static final int DIM = 32;

    /** Three tight Gaussian blobs far apart in 32 dimensions; point i belongs to cluster i / 40. */
    private static float[] blobs(long seed) {
        Random r = new Random(seed);
        float[] v = new float[CLUSTERS * PER_CLUSTER * DIM];
        for (int c = 0; c < CLUSTERS; c++) {
            for (int i = 0; i < PER_CLUSTER; i++) {
                for (int d = 0; d < DIM; d++) {
                    double centre = d % CLUSTERS == c ? 10 : 0;
                    v[((c * PER_CLUSTER) + i) * DIM + d] = (float) (centre + r.nextGaussian());
                }
            }
        }
        return v;
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void well_separated_clusters_stay_separated_on_the_map() {
        int n = CLUSTERS * PER_CLUSTER;
        double[][] y = Tsne.embed(blobs(3), n, DIM, new Tsne.Options(15, 600, 7));
        for (int i = 0; i < n; i++) {
            int nearest = -1;
            for (int j = 0; j < n; j++) {
                if (j != i && (nearest < 0 || distance(y[i], y[j]) < distance(y[i], y[nearest]))) {
                    nearest = j;
                }
            }
            assertEquals(i / PER_CLUSTER, nearest / PER_CLUSTER, "point " + i + "'s nearest neighbour on the map is in its cluster");
        }
        // every cluster's widest spread is smaller than the gap to the closest other cluster
        double[][] centres = new double[CLUSTERS][2];
        for (int i = 0; i < n; i++) {
            centres[i / PER_CLUSTER][0] += y[i][0] / PER_CLUSTER;
            centres[i / PER_CLUSTER][1] += y[i][1] / PER_CLUSTER;
        }
        for (int c = 0; c < CLUSTERS; c++) {
            double spread = 0;
            for (int i = c * PER_CLUSTER; i < (c + 1) * PER_CLUSTER; i++) {
                spread = Math.max(spread, distance(y[i], centres[c]));
            }
            for (int o = 0; o < CLUSTERS; o++) {
                if (o != c) {
                    assertTrue(distance(centres[c], centres[o]) > 2 * spread, "cluster " + c + " vs " + o);
                }
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_map_and_another_seed_another() {
        int n = CLUSTERS * PER_CLUSTER;
        float[] v = blobs(5);
        double[][] a = Tsne.embed(v, n, DIM, new Tsne.Options(10, 300, 42));
        double[][] b = Tsne.embed(v, n, DIM, new Tsne.Options(10, 300, 42));
        double[][] c = Tsne.embed(v, n, DIM, new Tsne.Options(10, 300, 43));
        for (int i = 0; i < n; i++) {
            assertArrayEquals(a[i], b[i], 0.0);
        }
        assertFalse(java.util.Arrays.equals(a[0], c[0]));
    }

    @Test
    void tiny_inputs_get_a_map_and_bad_options_are_refused_by_name() {
        assertEquals(0, Tsne.embed(new float[0], 0, 4, Tsne.Options.of(1)).length);
        assertArrayEquals(new double[] {0, 0}, Tsne.embed(new float[] {1, 2}, 1, 2, Tsne.Options.of(1))[0], 0.0);
        double[][] two = Tsne.embed(new float[] {0, 0, 1, 1}, 2, 2, Tsne.Options.of(1));
        assertTrue(distance(two[0], two[1]) > 0);
        assertEquals("perplexity", assertThrows(ValidationException.class, () -> new Tsne.Options(1, 1000, 1)).errors().get(0).field());
        assertEquals("iterations", assertThrows(ValidationException.class, () -> new Tsne.Options(30, 10, 1)).errors().get(0).field());
    }
}
