package dev.annota.eval.active;

import java.util.Arrays;
import java.util.Locale;

/** A way to choose the next images to label; {@link #id()} is the name used by the CLI and the API. */
public enum Strategy {
    /** The lowest top probability first. */
    LEAST_CONFIDENCE(true, false),
    /** The smallest gap between the two most probable classes first. */
    MARGIN(true, false),
    /** The highest entropy of the predicted distribution first. */
    ENTROPY(true, false),
    /** k-center greedy on embeddings: each pick is the candidate farthest from every labelled or picked image. */
    KCENTER(false, true),
    /** The most uncertain candidates by entropy (a pool of a few times n), then k-center greedy among them. */
    ENTROPY_KCENTER(true, true),
    /** Uniformly at random (seeded): the baseline. */
    RANDOM(false, false);

    private final boolean needsProbabilities;
    private final boolean needsVectors;

    Strategy(boolean needsProbabilities, boolean needsVectors) {
        this.needsProbabilities = needsProbabilities;
        this.needsVectors = needsVectors;
    }

    public boolean needsProbabilities() {
        return needsProbabilities;
    }

    public boolean needsVectors() {
        return needsVectors;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The strategy named {@code id} (e.g. {@code least-confidence}); IllegalArgumentException listing the names otherwise. */
    public static Strategy of(String id) {
        for (Strategy s : values()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("expected one of " + Arrays.stream(values()).map(Strategy::id).toList() + ", got \"" + id + "\"");
    }
}
