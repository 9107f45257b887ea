package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import java.util.ArrayList;
import java.util.List;

/**
 * Per-class precision/recall/F1 and their micro (pooled counts), macro (unweighted mean of the per-class
 * values — macro-F1 is the mean of per-class F1) and weighted (by support) averages, as scikit-learn's
 * {@code precision_recall_fscore_support} with {@code labels} = every label and {@code zero_division = 0}.
 */
public record PrfReport(List<ClassScores> perClass, Prf micro, Prf macro, Prf weighted) {
    public PrfReport {
        perClass = List.copyOf(perClass);
    }

    /** From per-class counts: true positives, predicted positives and actual positives. */
    public static PrfReport of(List<String> labels, long[] tp, long[] predicted, long[] actual) {
        int k = labels.size();
        List<ClassScores> per = new ArrayList<>(k);
        long tpSum = 0, predSum = 0, trueSum = 0;
        for (int c = 0; c < k; c++) {
            per.add(new ClassScores(labels.get(c), Prf.of(tp[c], predicted[c], actual[c]), actual[c]));
            tpSum += tp[c];
            predSum += predicted[c];
            trueSum += actual[c];
        }
        Prf micro = Prf.of(tpSum, predSum, trueSum);
        double[] p = new double[k], r = new double[k], f = new double[k], w = new double[k];
        for (int c = 0; c < k; c++) {
            p[c] = per.get(c).scores().precision();
            r[c] = per.get(c).scores().recall();
            f[c] = per.get(c).scores().f1();
            w[c] = actual[c];
        }
        Prf macro = new Prf(NumpySum.mean(p), NumpySum.mean(r), NumpySum.mean(f));
        Prf weighted = trueSum == 0 ? new Prf(0, 0, 0)
                : new Prf(NumpySum.weightedMean(p, w), NumpySum.weightedMean(r, w), NumpySum.weightedMean(f, w));
        return new PrfReport(per, micro, macro, weighted);
    }

    /** From a single-label confusion matrix. */
    public static PrfReport of(List<String> labels, ConfusionMatrix m) {
        return of(labels, m.truePositives(), m.predictedCounts(), m.trueCounts());
    }
}
