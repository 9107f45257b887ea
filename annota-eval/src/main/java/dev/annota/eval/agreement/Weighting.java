package dev.annota.eval.agreement;

/** How far apart two categories at positions i and j of the category list are, for weighted Cohen's κ. */
public enum Weighting {
    /** 0 on the diagonal, 1 elsewhere: plain Cohen's κ. */
    NONE,
    /** |i − j|. */
    LINEAR,
    /** (i − j)². */
    QUADRATIC;

    double weight(int i, int j) {
        return switch (this) {
            case NONE -> i == j ? 0 : 1;
            case LINEAR -> Math.abs(i - j);
            case QUADRATIC -> (double) (i - j) * (i - j);
        };
    }
}
