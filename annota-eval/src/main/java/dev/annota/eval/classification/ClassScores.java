package dev.annota.eval.classification;

/** Precision, recall and F1 of one class, with its support (number of true samples). */
public record ClassScores(String label, Prf scores, long support) {
    public ClassScores {
        java.util.Objects.requireNonNull(label, "label");
        java.util.Objects.requireNonNull(scores, "scores");
    }
}
