package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The metrics that need probabilities. For binary inputs, {@code rocAuc.perClass()[1]} and
 * {@code averagePrecision.perClass()[1]} are scikit-learn's binary {@code roc_auc_score} and
 * {@code average_precision_score} of class 1.
 *
 * @param rocAuc           one-vs-rest ROC AUC per class, macro, weighted, micro
 * @param rocAucOvoMacro   Hand &amp; Till one-vs-one macro AUC
 * @param averagePrecision one-vs-rest average precision per class, macro, weighted, micro
 * @param logLoss          scikit-learn 1.2.1 log loss (rows clipped to [ε, 1−ε] and renormalised, ε = 2⁻⁵²)
 * @param brierScore       binary only: mean (p − y)²
 * @param topK             top-k accuracy for k in {1, 2, 3, 5} below the number of classes (multi-class only)
 * @param topLabel         calibration of the top-label confidence (15 bins)
 * @param positiveClass    binary only: calibration of P(y = 1) (15 bins)
 * @param curves           each class's one-vs-rest curve, for ROC and PR charts
 */
public record ScoreMetrics(RankingScores.Averaged rocAuc, double rocAucOvoMacro,
                           RankingScores.Averaged averagePrecision, double logLoss, OptionalDouble brierScore,
                           Map<Integer, Double> topK, Calibration topLabel, Optional<Calibration> positiveClass,
                           List<BinaryCurve> curves) {
    /** The k values reported by {@link #topK}. */
    public static final int[] TOP_K = {1, 2, 3, 5};
    static final double EPS = Math.ulp(1.0);

    public ScoreMetrics {
        topK = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(topK));
        curves = List.copyOf(curves);
    }

    static ScoreMetrics of(SingleLabelInput in, double[][] s) {
        int n = in.size(), k = in.classes();
        int[] yTrue = in.yTrue(), yPred = in.yPred();
        boolean[][] truth = RankingScores.oneHot(yTrue, k);
        RankingScores.Both ranking = RankingScores.both(truth, s);
        RankingScores.Averaged auc = ranking.rocAuc();
        double ovo = in.isBinary() ? auc.perClass()[1] : RankingScores.oneVsOneMacro(yTrue, s, k);
        RankingScores.Averaged ap = ranking.averagePrecision();

        double[] loss = new double[n];
        double[] confidence = new double[n];
        boolean[] correct = new boolean[n];
        for (int i = 0; i < n; i++) {
            double rowSum = 0, top = 0;
            for (int j = 0; j < k; j++) {
                rowSum += clip(s[i][j]);
                top = Math.max(top, s[i][j]);
            }
            loss[i] = -Math.log(clip(s[i][yTrue[i]]) / rowSum);
            confidence[i] = top;
            correct[i] = yPred[i] == yTrue[i];
        }
        Calibration topLabel = Calibration.of(confidence, correct, Calibration.DEFAULT_BINS);

        OptionalDouble brier = OptionalDouble.empty();
        Optional<Calibration> positive = Optional.empty();
        Map<Integer, Double> topK = new LinkedHashMap<>();
        if (in.isBinary()) {
            double[] p = RankingScores.column(s, 1), sq = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = yTrue[i];
                sq[i] = (y[i] - p[i]) * (y[i] - p[i]);
            }
            brier = OptionalDouble.of(NumpySum.mean(sq));
            positive = Optional.of(Calibration.of(p, y, Calibration.DEFAULT_BINS));
        } else {
            for (int kk : TOP_K) {
                if (kk < k) {
                    topK.put(kk, topK(yTrue, s, kk));
                }
            }
        }
        return new ScoreMetrics(auc, ovo, ap, NumpySum.mean(loss), brier, topK, topLabel, positive,
                ranking.curves());
    }

    /**
     * Fraction of samples whose true class is among the k highest scores; ties are broken as scikit-learn's
     * stable sort reversed does (the higher label index ranks first).
     */
    static double topK(int[] yTrue, double[][] s, int k) {
        int hits = 0;
        for (int i = 0; i < yTrue.length; i++) {
            int t = yTrue[i];
            int above = 0;
            for (int j = 0; j < s[i].length; j++) {
                if (s[i][j] > s[i][t] || (s[i][j] == s[i][t] && j > t)) {
                    above++;
                }
            }
            hits += above < k ? 1 : 0;
        }
        return (double) hits / yTrue.length;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }
}
