package dev.annota.eval.labelerrors;

/**
 * A sample whose given label is probably wrong.
 *
 * @param index     the sample's row in the probability matrix
 * @param given     its given label
 * @param suggested the label confident learning assigns it (the confident joint's column)
 * @param score     how suspicious, larger is more (see {@link ConfidentLearning.Ranking})
 */
public record Suspect(int index, int given, int suggested, double score) {
    public Suspect {
        if (index < 0 || given < 0 || suggested < 0 || given == suggested) {
            throw new IllegalArgumentException("a suspect has an index, and a suggested label other than its given one");
        }
    }
}
