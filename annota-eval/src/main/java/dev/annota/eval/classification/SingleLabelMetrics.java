package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import dev.annota.eval.agreement.CohenKappa;
import dev.annota.eval.agreement.Weighting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every single-label metric of one set of predictions, as scikit-learn 1.2.1 defines it.
 *
 * @param perClassAccuracy the fraction of each class's samples predicted correctly (its recall); 0 for a
 *                         class with no samples
 * @param balancedAccuracy mean per-class recall over the classes present in {@code y_true}
 * @param matthews         multi-class Matthews correlation (0 when undefined)
 * @param cohenKappa       Cohen's κ between {@code y_true} and {@code y_pred}
 * @param scores           the probability-based metrics, when scores were given
 */
public record SingleLabelMetrics(List<String> labels, int n, double accuracy, double balancedAccuracy,
                                 ConfusionMatrix confusion, PrfReport prf, double[] perClassAccuracy,
                                 double matthews, double cohenKappa, Optional<ScoreMetrics> scores) {
    public SingleLabelMetrics {
        labels = List.copyOf(labels);
        perClassAccuracy = perClassAccuracy.clone();
    }

    @Override
    public double[] perClassAccuracy() {
        return perClassAccuracy.clone();
    }

    public boolean isBinary() {
        return labels.size() == 2;
    }

    public static SingleLabelMetrics of(SingleLabelInput in) {
        int k = in.classes();
        ConfusionMatrix m = ConfusionMatrix.of(in.yTrue(), in.yPred(), k);
        long[] tp = m.truePositives(), support = m.trueCounts();
        double[] perClass = new double[k];
        List<Double> present = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            perClass[c] = support[c] == 0 ? 0.0 : (double) tp[c] / support[c];
            if (support[c] > 0) {
                present.add(perClass[c]);
            }
        }
        double balanced = NumpySum.mean(present.stream().mapToDouble(Double::doubleValue).toArray());
        double accuracy = (double) m.trace() / in.size();
        double kappa = CohenKappa.of(m.counts(), Weighting.NONE);
        return new SingleLabelMetrics(in.labels(), in.size(), accuracy, balanced, m, PrfReport.of(in.labels(), m),
                perClass, matthews(m), kappa, in.sharedScores().map(s -> ScoreMetrics.of(in, s)));
    }

    /** scikit-learn's multi-class MCC from the confusion matrix; 0 when a variance term is 0. */
    static double matthews(ConfusionMatrix m) {
        long[] t = m.trueCounts(), p = m.predictedCounts();
        long n = m.total(), correct = m.trace();
        long tp = 0, pp = 0, tt = 0;
        for (int c = 0; c < t.length; c++) {
            tp += t[c] * p[c];
            pp += p[c] * p[c];
            tt += t[c] * t[c];
        }
        long cov = correct * n - tp;
        double covPred = (double) (n * n - pp), covTrue = (double) (n * n - tt);
        double denom = covPred * covTrue;
        return denom == 0 ? 0.0 : cov / Math.sqrt(denom);
    }

    /**
     * The headline numbers compared across slices: accuracy, balanced accuracy, macro and weighted F1, macro
     * precision and recall, MCC, Cohen's κ and, with scores, ROC AUC (binary, or one-vs-rest macro), log loss
     * and top-label ECE. NaN where undefined on this data.
     */
    public Map<String, Double> headline() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("accuracy", accuracy);
        h.put("balanced_accuracy", balancedAccuracy);
        h.put("macro_precision", prf.macro().precision());
        h.put("macro_recall", prf.macro().recall());
        h.put("macro_f1", prf.macro().f1());
        h.put("weighted_f1", prf.weighted().f1());
        h.put("matthews_corrcoef", matthews);
        h.put("cohen_kappa", cohenKappa);
        scores.ifPresent(s -> {
            h.put("roc_auc", isBinary() ? s.rocAuc().perClass()[1] : s.rocAuc().macro());
            h.put("log_loss", s.logLoss());
            h.put("ece_top_label_15", s.topLabel().ece());
        });
        return h;
    }
}
