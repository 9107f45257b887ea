package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One merged tag or object.
 *
 * @param annotation   the fused annotation
 * @param annotators   who gave it, in answer order
 * @param similarities each member's IoU (or keypoint similarity) with the fused shape, in the order of
 *                     {@code annotators}; 1 for tags
 * @param of           how many annotators answered the image
 * @param support      weighted share of annotators who gave it, in [0, 1]
 * @param similarity   mean of {@code similarities}
 * @param agreement    support × similarity
 * @param accepted     whether it is part of the consensus (support above the minimum; for single-label tags, also
 *                     the only label with the most weight)
 * @param disputed     whether it is a disagreement: someone gave it but it is not part of the consensus, or its
 *                     agreement is below the threshold
 */
public record MergedItem(Annotation annotation, List<String> annotators, List<Double> similarities, int of,
                         double support, double similarity, double agreement, boolean accepted, boolean disputed) {
    public MergedItem {
        Objects.requireNonNull(annotation, "annotation");
        annotators = List.copyOf(annotators);
        similarities = List.copyOf(similarities);
        if (annotators.size() != similarities.size()) {
            throw new IllegalArgumentException("one similarity per annotator");
        }
    }

    /**
     * An item with its figures derived from the members' similarities and the settings; {@code eligible} false keeps
     * it out of the consensus whatever its support (a tag that lost the vote).
     */
    static MergedItem of(Annotation fused, List<String> annotators, double[] similarities, int of, double support,
                         boolean eligible, ConsensusSettings settings) {
        double mean = Arrays.stream(similarities).average().orElse(0);
        double agreement = support * mean;
        boolean accepted = eligible && support > settings.minSupport();
        return new MergedItem(fused, annotators, Arrays.stream(similarities).boxed().toList(), of, support, mean,
                agreement, accepted, !accepted || agreement < settings.agreementThreshold());
    }

    /** How many annotators gave it. */
    public int count() {
        return annotators.size();
    }

    /** The similarity of {@code annotator}'s member with the fused shape (0 when they are not a member). */
    public double memberSimilarity(String annotator) {
        int i = annotators.indexOf(annotator);
        return i < 0 ? 0 : similarities.get(i);
    }
}
