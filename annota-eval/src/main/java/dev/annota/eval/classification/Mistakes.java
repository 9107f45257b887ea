package dev.annota.eval.classification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The wrong predictions a reviewer should look at first: the most confident ones. */
public final class Mistakes {
    private Mistakes() {
    }

    /** One wrong prediction: the sample, its true and predicted label indices, the predicted label's score. */
    public record Mistake(int sample, int trueLabel, int predictedLabel, double confidence) {
    }

    /**
     * Up to {@code limit} wrong predictions, highest confidence in the predicted label first (ties by sample
     * order); without scores, in sample order with confidence NaN.
     */
    public static List<Mistake> worst(SingleLabelInput in, int limit) {
        List<Mistake> wrong = new ArrayList<>();
        double[][] s = in.sharedScores().orElse(null);
        for (int i = 0; i < in.size(); i++) {
            int t = in.trueAt(i), p = in.predAt(i);
            if (t != p) {
                wrong.add(new Mistake(i, t, p, s == null ? Double.NaN : s[i][p]));
            }
        }
        if (s != null) {
            wrong.sort(Comparator.comparingDouble((Mistake m) -> -m.confidence()).thenComparingInt(Mistake::sample));
        }
        return List.copyOf(wrong.subList(0, Math.min(limit, wrong.size())));
    }
}
