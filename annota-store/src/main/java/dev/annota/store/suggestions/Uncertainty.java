package dev.annota.store.suggestions;

import java.util.Collection;
import java.util.OptionalDouble;

/**
 * How unsure a model is, from its confidences. For one suggestion with confidence {@code c} in [0, 1],
 * {@code u = 1 - |2c - 1|}: 0 when the model is certain either way (c = 0 or 1), 1 when it cannot decide
 * (c = 0.5), linear in between. An image's uncertainty is the largest {@code u} of its suggestions (its
 * least certain prediction decides whether a person should look), and absent when it has none. Stored as the
 * score named {@link #SCORE_NAME} in {@code image_scores}.
 */
public final class Uncertainty {
    /** The name of this score in {@code image_scores}. */
    public static final String SCORE_NAME = "uncertainty";

    private Uncertainty() {
    }

    /** The uncertainty of one prediction with confidence {@code confidence} in [0, 1]. */
    public static double of(double confidence) {
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("a confidence is in [0, 1], got " + confidence);
        }
        return 1 - Math.abs(2 * confidence - 1);
    }

    /** The uncertainty of an image with suggestions of these confidences; empty when there are none. */
    public static OptionalDouble ofImage(Collection<Double> confidences) {
        return confidences.stream().mapToDouble(Uncertainty::of).max();
    }
}
