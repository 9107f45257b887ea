package dev.annota.infer;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/** A class and the model's score for it (a probability for softmax and sigmoid outputs). */
public record ClassScore(ModelLabel label, double score) {
    public ClassScore {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(score)) {
            throw ValidationException.of("score", score, "expected a finite score");
        }
    }
}
