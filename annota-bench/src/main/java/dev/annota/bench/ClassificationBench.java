package dev.annota.bench;

import dev.annota.eval.classification.BinaryCurve;
import dev.annota.eval.classification.SingleLabelInput;
import dev.annota.eval.classification.SingleLabelMetrics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Classification-metric benchmarks. ROC AUC by one sort and a sweep over thresholds ({@link BinaryCurve}, as
 * scikit-learn) against the textbook Mann–Whitney count over every (positive, negative) pair, O(n⁺·n⁻): the
 * two must agree to 1e-12, which the benchmark checks. Scores are rounded to 3 decimals so ties are common.
 * The details also time every single-label metric at once on 100,000 samples × 10 classes.
 */
final class ClassificationBench {
    private static final long SEED = 20_241_121L;

    private ClassificationBench() {
    }

    static BenchResult rocAuc() {
        return rocAuc(20_000, 100_000, new GeometryBench.Rounds(5, 9, 1, 3));
    }

    static BenchResult rocAuc(int n, int allMetricsN, GeometryBench.Rounds rounds) {
        SplittableRandom rnd = new SplittableRandom(SEED);
        boolean[] y = new boolean[n];
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = rnd.nextDouble() < 0.3;
            s[i] = Math.rint((rnd.nextDouble() * 0.7 + (y[i] ? 0.3 : 0)) * 1000) / 1000;
        }
        double ours = BinaryCurve.of(y, s).rocAuc();
        double pairs = mannWhitney(y, s);
        if (Math.abs(ours - pairs) > 1e-12) {
            throw new IllegalStateException("ROC AUC " + ours + " differs from the pair count " + pairs);
        }
        double oursS = Timer.secondsPerCall(() -> Double.doubleToLongBits(BinaryCurve.of(y, s).rocAuc()),
                rounds.oursWarmup(), rounds.oursRounds());
        double baseS = Timer.secondsPerCall(() -> Double.doubleToLongBits(mannWhitney(y, s)),
                rounds.baselineWarmup(), rounds.baselineRounds());
        SingleLabelInput all = multiClass(allMetricsN, 10, rnd);
        double allS = Timer.secondsPerCall(() -> (long) SingleLabelMetrics.of(all).confusion().total(),
                rounds.oursWarmup() > 0 ? 1 : 0, rounds.oursRounds() > 1 ? 3 : 1);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("samples", n);
        details.put("roc_auc", ours);
        details.put("abs_difference_to_pair_count", Math.abs(ours - pairs));
        details.put("all_single_label_metrics_samples", allMetricsN);
        details.put("all_single_label_metrics_classes", 10);
        details.put("all_single_label_metrics_s", allS);
        return new BenchResult("roc-auc", "seconds per AUC of " + n + " samples", "Mann-Whitney pair count",
                oursS, baseS, details);
    }

    /** Fraction of (positive, negative) pairs ranked right, ties counting one half. */
    static double mannWhitney(boolean[] y, double[] s) {
        double wins = 0;
        long pos = 0, neg = 0;
        for (boolean b : y) {
            pos += b ? 1 : 0;
        }
        neg = y.length - pos;
        for (int i = 0; i < y.length; i++) {
            if (!y[i]) {
                continue;
            }
            for (int j = 0; j < y.length; j++) {
                if (!y[j]) {
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return wins / ((double) pos * neg);
    }

    private static SingleLabelInput multiClass(int n, int k, SplittableRandom rnd) {
        int[] t = new int[n], p = new int[n];
        double[][] scores = new double[n][k];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextInt(k);
            double sum = 0;
            for (int j = 0; j < k; j++) {
                scores[i][j] = rnd.nextDouble() + (j == t[i] ? 1.5 : 0);
                sum += scores[i][j];
            }
            int best = 0;
            for (int j = 0; j < k; j++) {
                scores[i][j] /= sum;
                best = scores[i][j] > scores[i][best] ? j : best;
            }
            p[i] = best;
        }
        List<String> labels = IntStream.range(0, k).mapToObj(j -> "class" + j).toList();
        return new SingleLabelInput(labels, t, p, Optional.of(scores));
    }
}
