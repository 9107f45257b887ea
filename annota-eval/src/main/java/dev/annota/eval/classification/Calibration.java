package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Expected and maximum calibration error over equal-width bins, with the reliability table.
 *
 * <p>Bin edges are {@code i / (double) bins}; a confidence c falls in bin b when {@code e_b < c ≤ e_{b+1}}
 * (open on the left, closed on the right — a value on an inner edge belongs to the lower bin), and c = 0 in
 * bin 0. ECE = Σ_b (|B_b|/n)·|accuracy(B_b) − confidence(B_b)|, empty bins adding nothing; MCE = the largest
 * gap over non-empty bins.
 *
 * @param ece  expected calibration error
 * @param mce  maximum calibration error (0 when every bin is empty)
 * @param bins every bin, empty ones included
 */
public record Calibration(double ece, double mce, List<Bin> bins) {
    /** The default number of bins, 15. */
    public static final int DEFAULT_BINS = 15;

    public Calibration {
        bins = List.copyOf(bins);
    }

    /**
     * One bin of the reliability table. For the top-label form, {@code meanConfidence} is the mean top-label
     * probability and {@code accuracy} the fraction of correct predictions; for the positive-class form, the
     * mean P(y=1) and the fraction of positives. Both are empty for an empty bin.
     */
    public record Bin(int index, double lower, double upper, int count, OptionalDouble meanConfidence,
                      OptionalDouble accuracy) {
    }

    /** Top-label calibration: {@code confidence[i]} the predicted class's probability, {@code correct[i]}. */
    public static Calibration of(double[] confidence, boolean[] correct, int bins) {
        double[] outcome = new double[correct.length];
        for (int i = 0; i < correct.length; i++) {
            outcome[i] = correct[i] ? 1.0 : 0.0;
        }
        return of(confidence, outcome, bins);
    }

    /** Positive-class calibration (the reliability diagram of P(y=1)): {@code outcome[i]} is 1 or 0. */
    public static Calibration of(double[] confidence, double[] outcome, int bins) {
        Checks.sameLength("confidence", confidence.length, "outcome", outcome.length);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        double[] edges = edges(bins);
        List<List<Integer>> members = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < confidence.length; i++) {
            Checks.probability("confidence[" + i + "]", confidence[i]);
            members.get(bin(confidence[i], edges)).add(i);
        }
        int n = confidence.length;
        List<Bin> table = new ArrayList<>(bins);
        double ece = 0, mce = 0;
        for (int b = 0; b < bins; b++) {
            List<Integer> m = members.get(b);
            if (m.isEmpty()) {
                table.add(new Bin(b, edges[b], edges[b + 1], 0, OptionalDouble.empty(), OptionalDouble.empty()));
                continue;
            }
            double conf = NumpySum.mean(m.stream().mapToDouble(i -> confidence[i]).toArray());
            double acc = NumpySum.mean(m.stream().mapToDouble(i -> outcome[i]).toArray());
            double gap = Math.abs(acc - conf);
            ece += (double) m.size() / n * gap;
            mce = Math.max(mce, gap);
            table.add(new Bin(b, edges[b], edges[b + 1], m.size(), OptionalDouble.of(conf), OptionalDouble.of(acc)));
        }
        return new Calibration(ece, mce, table);
    }

    /** {@code i / bins} for i = 0..bins, bit-identical to {@code numpy.linspace(0, 1, bins + 1)}. */
    public static double[] edges(int bins) {
        double[] e = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            e[i] = i / (double) bins;
        }
        return e;
    }

    /** The bin of c: {@code e_b < c ≤ e_{b+1}}, c = 0 in bin 0. */
    static int bin(double c, double[] edges) {
        int bins = edges.length - 1;
        int b = Math.max(0, Math.min(bins - 1, (int) Math.ceil(c * bins) - 1));
        while (b > 0 && c <= edges[b]) {
            b--;
        }
        while (b < bins - 1 && c > edges[b + 1]) {
            b++;
        }
        return b;
    }
}
