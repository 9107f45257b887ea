package dev.annota.eval.active;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Chooses the next candidates to label with a {@link Strategy}. */
public final class ActiveLearning {
    /** The combined strategy first keeps this many times n of the most uncertain candidates. */
    public static final int COMBINED_POOL_FACTOR = 5;

    private ActiveLearning() {
    }

    /**
     * The candidates to label next, best first. {@code probabilities}: one predicted distribution per candidate
     * (needed by the uncertainty strategies, else may be empty); {@code vectors}: one embedding per candidate and
     * {@code labelled} the labelled images' embeddings (needed by the k-center strategies, else may be empty);
     * {@code seed}: for {@link Strategy#RANDOM}. Ties keep the candidates' order.
     */
    public static int[] select(Strategy strategy, int candidates, double[][] probabilities, float[][] vectors, float[][] labelled,
            int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("n: expected at least 1, got " + n);
        }
        if (strategy.needsProbabilities() && probabilities.length != candidates) {
            throw new IllegalArgumentException(strategy.id() + " needs one predicted distribution per candidate (" + candidates
                    + "), got " + probabilities.length);
        }
        if (strategy.needsVectors() && vectors.length != candidates) {
            throw new IllegalArgumentException(strategy.id() + " needs one embedding per candidate (" + candidates + "), got " + vectors.length);
        }
        int k = Math.min(n, candidates);
        return switch (strategy) {
            case RANDOM -> {
                int[] order = IntStream.range(0, candidates).toArray();
                Random rnd = new Random(seed);
                for (int i = candidates - 1; i > 0; i--) {
                    int j = rnd.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                yield Arrays.copyOf(order, k);
            }
            case KCENTER -> KCenterGreedy.select(vectors, labelled, new double[0], k);
            case ENTROPY_KCENTER -> {
                int[] pool = mostUncertain(strategy, probabilities, Math.min(candidates, k * COMBINED_POOL_FACTOR));
                float[][] sub = Arrays.stream(pool).mapToObj(i -> vectors[i]).toArray(float[][]::new);
                int[] picks = KCenterGreedy.select(sub, labelled, new double[0], k);
                yield Arrays.stream(picks).map(i -> pool[i]).toArray();
            }
            default -> mostUncertain(strategy, probabilities, k);
        };
    }

    /** The {@code k} candidates with the largest uncertainty score of {@code strategy}, largest first. */
    static int[] mostUncertain(Strategy strategy, double[][] probabilities, int k) {
        double[] score = Arrays.stream(probabilities).mapToDouble(p -> UncertaintyScores.of(strategy, p)).toArray();
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score[i]).thenComparingInt(i -> i))
                .limit(k).mapToInt(Integer::intValue).toArray();
    }
}
