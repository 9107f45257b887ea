package dev.annota.eval.active;

/**
 * Uncertainty of one predicted distribution {@code p} (probabilities of the classes, summing to about 1), each
 * in [0, 1] with larger meaning less sure.
 */
public final class UncertaintyScores {
    private UncertaintyScores() {
    }

    /** The score of {@code strategy} (least confidence, margin or entropy; entropy for the combined strategy). */
    public static double of(Strategy strategy, double[] p) {
        return switch (strategy) {
            case LEAST_CONFIDENCE -> leastConfidence(p);
            case MARGIN -> margin(p);
            case ENTROPY, ENTROPY_KCENTER -> entropy(p);
            default -> throw new IllegalArgumentException(strategy.id() + " is not an uncertainty score");
        };
    }

    /** {@code 1 − max p}. */
    public static double leastConfidence(double[] p) {
        return 1 - top(p)[0];
    }

    /** {@code 1 − (p₁ − p₂)} with p₁, p₂ the two largest probabilities (p₂ = 0 for one class). */
    public static double margin(double[] p) {
        double[] t = top(p);
        return 1 - (t[0] - t[1]);
    }

    /** Shannon entropy divided by {@code ln(classes)} (0 for one class). */
    public static double entropy(double[] p) {
        if (p.length < 2) {
            return 0;
        }
        double h = 0;
        for (double v : p) {
            if (v > 0) {
                h -= v * Math.log(v);
            }
        }
        return h / Math.log(p.length);
    }

    private static double[] top(double[] p) {
        if (p.length == 0) {
            throw new IllegalArgumentException("a predicted distribution has at least one class");
        }
        double first = Double.NEGATIVE_INFINITY;
        double second = 0;
        for (double v : p) {
            if (v > first) {
                second = Math.max(second, first);
                first = v;
            } else if (v > second) {
                second = v;
            }
        }
        return new double[] {first, second};
    }
}
