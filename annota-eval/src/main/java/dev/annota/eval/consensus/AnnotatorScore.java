package dev.annota.eval.consensus;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How closely one annotator's answers matched the consensus, as a sum that adds up over images: each consensus
 * item is one opportunity scored by their similarity to it (0 when missed), each item of theirs left out of the
 * consensus one opportunity scored 0.
 */
public record AnnotatorScore(String annotator, double score, int opportunities) {
    public AnnotatorScore {
        Objects.requireNonNull(annotator, "annotator");
        if (opportunities < 0 || !(score >= 0 && score <= opportunities + 1e-9)) {
            throw new IllegalArgumentException("score " + score + " of " + opportunities + " opportunities");
        }
    }

    /** score / opportunities; empty when there were none. */
    public OptionalDouble agreement() {
        return opportunities == 0 ? OptionalDouble.empty() : OptionalDouble.of(score / opportunities);
    }

    public AnnotatorScore plus(AnnotatorScore other) {
        return new AnnotatorScore(annotator, score + other.score, opportunities + other.opportunities);
    }
}
