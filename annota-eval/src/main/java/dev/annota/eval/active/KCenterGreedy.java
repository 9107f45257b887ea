package dev.annota.eval.active;

import java.util.Arrays;

/**
 * k-center greedy (Sener and Savarese, 2018): repeatedly picks the candidate whose Euclidean distance to its
 * nearest center (labelled image or earlier pick) is largest, optionally multiplied by a per-candidate weight
 * (e.g. its uncertainty). With no labelled image the first pick is the candidate with the largest weight (the
 * first one when unweighted).
 */
public final class KCenterGreedy {
    private KCenterGreedy() {
    }

    /**
     * Picks up to {@code n} of {@code candidates} (rows of vectors), given the {@code labelled} vectors; {@code weights}
     * (one per candidate, empty for none) scale the distances. Returns candidate indices in pick order.
     */
    public static int[] select(float[][] candidates, float[][] labelled, double[] weights, int n) {
        return Arrays.stream(picks(candidates, labelled, weights, n)).mapToInt(Pick::index).toArray();
    }

    /** A pick and its distance to the nearest center when it was picked (infinite with no center yet). */
    public record Pick(int index, double distance) {
    }

    /** As {@link #select}, with each pick's distance. */
    public static Pick[] picks(float[][] candidates, float[][] labelled, double[] weights, int n) {
        if (weights.length != 0 && weights.length != candidates.length) {
            throw new IllegalArgumentException("expected one weight per candidate (" + candidates.length + "), got " + weights.length);
        }
        int k = Math.min(n, candidates.length);
        double[] nearest = new double[candidates.length];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (float[] center : labelled) {
            update(nearest, candidates, center);
        }
        boolean[] taken = new boolean[candidates.length];
        Pick[] picks = new Pick[k];
        for (int s = 0; s < k; s++) {
            int best = -1;
            double bestValue = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < candidates.length; i++) {
                if (taken[i]) {
                    continue;
                }
                double w = weights.length == 0 ? 1 : weights[i];
                double d = Double.isInfinite(nearest[i]) ? 1 : nearest[i];
                double v = w * d;
                if (v > bestValue) {
                    bestValue = v;
                    best = i;
                }
            }
            taken[best] = true;
            picks[s] = new Pick(best, nearest[best]);
            update(nearest, candidates, candidates[best]);
        }
        return picks;
    }

    private static void update(double[] nearest, float[][] candidates, float[] center) {
        for (int i = 0; i < candidates.length; i++) {
            float[] v = candidates[i];
            if (v.length != center.length) {
                throw new IllegalArgumentException("vectors of different lengths: " + v.length + " and " + center.length);
            }
            double sum = 0;
            for (int d = 0; d < v.length; d++) {
                double e = v[d] - center[d];
                sum += e * e;
            }
            nearest[i] = Math.min(nearest[i], Math.sqrt(sum));
        }
    }
}
