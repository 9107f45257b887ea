package dev.annota.eval.classification;

import dev.annota.eval.NumpySum;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every multi-label metric of one set of predictions, as scikit-learn 1.2.1 defines it.
 *
 * @param hammingLoss           fraction of wrong (sample, label) cells
 * @param subsetAccuracy        fraction of samples whose whole label vector is right
 * @param perLabel              per-label P/R/F1 with micro, macro and weighted averages
 * @param samples               P/R/F1 per sample, averaged over samples (0 for a sample with nothing true
 *                              and nothing predicted)
 * @param jaccardSamples        mean over samples of |T ∩ P| / |T ∪ P| (0 when the union is empty)
 * @param jaccardMacro          mean over labels of tp / (tp + fp + fn) (0 when that is 0/0)
 * @param perLabelConfusion     per label {tn, fp, fn, tp}
 * @param scores                the probability-based metrics, when scores were given
 */
public record MultiLabelMetrics(List<String> labels, int n, double hammingLoss, double subsetAccuracy,
                                PrfReport perLabel, Prf samples, double jaccardSamples, double jaccardMacro,
                                List<long[]> perLabelConfusion, Optional<Scores> scores) {
    public MultiLabelMetrics {
        labels = List.copyOf(labels);
        perLabelConfusion = perLabelConfusion.stream().map(long[]::clone).toList();
    }

    /**
     * @param labelRankingAveragePrecision scikit-learn's {@code label_ranking_average_precision_score}
     * @param rocAuc                       ROC AUC per label, macro, weighted, micro
     * @param averagePrecision             average precision per label, macro, weighted, micro
     * @param calibration                  positive-class calibration over every (sample, label) cell
     */
    public record Scores(double labelRankingAveragePrecision, RankingScores.Averaged rocAuc,
                         RankingScores.Averaged averagePrecision, Calibration calibration,
                         List<BinaryCurve> curves) {
        public Scores {
            curves = List.copyOf(curves);
        }
    }

    public static MultiLabelMetrics of(MultiLabelInput in) {
        boolean[][] t = in.sharedTrue(), p = in.sharedPred();
        int n = in.size(), k = in.labelCount();
        long[] tp = new long[k], fp = new long[k], fn = new long[k];
        long wrongCells = 0, exact = 0;
        double[] sp = new double[n], sr = new double[n], sf = new double[n], sj = new double[n];
        for (int i = 0; i < n; i++) {
            long itp = 0, ipred = 0, itrue = 0;
            boolean allRight = true;
            for (int j = 0; j < k; j++) {
                boolean a = t[i][j], b = p[i][j];
                tp[j] += a && b ? 1 : 0;
                fp[j] += !a && b ? 1 : 0;
                fn[j] += a && !b ? 1 : 0;
                itp += a && b ? 1 : 0;
                ipred += b ? 1 : 0;
                itrue += a ? 1 : 0;
                if (a != b) {
                    wrongCells++;
                    allRight = false;
                }
            }
            exact += allRight ? 1 : 0;
            Prf s = Prf.of(itp, ipred, itrue);
            sp[i] = s.precision();
            sr[i] = s.recall();
            sf[i] = s.f1();
            long union = ipred + itrue - itp;
            sj[i] = union == 0 ? 0.0 : (double) itp / union;
        }
        long[] predicted = new long[k], actual = new long[k];
        double[] jl = new double[k];
        List<long[]> confusion = new java.util.ArrayList<>();
        for (int j = 0; j < k; j++) {
            predicted[j] = tp[j] + fp[j];
            actual[j] = tp[j] + fn[j];
            long d = tp[j] + fp[j] + fn[j];
            jl[j] = d == 0 ? 0.0 : (double) tp[j] / d;
            confusion.add(new long[] {n - tp[j] - fp[j] - fn[j], fp[j], fn[j], tp[j]});
        }
        Prf samples = new Prf(NumpySum.mean(sp), NumpySum.mean(sr), NumpySum.mean(sf));
        return new MultiLabelMetrics(in.labels(), n, (double) wrongCells / ((long) n * k), (double) exact / n,
                PrfReport.of(in.labels(), tp, predicted, actual), samples, NumpySum.mean(sj), NumpySum.mean(jl),
                confusion, in.sharedScores().map(s -> scores(t, s)));
    }

    private static Scores scores(boolean[][] t, double[][] s) {
        int n = t.length, k = t[0].length;
        double[] cellP = new double[n * k], cellY = new double[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                cellP[i * k + j] = s[i][j];
                cellY[i * k + j] = t[i][j] ? 1 : 0;
            }
        }
        RankingScores.Both ranking = RankingScores.both(t, s);
        return new Scores(LabelRanking.averagePrecision(t, s), ranking.rocAuc(), ranking.averagePrecision(),
                Calibration.of(cellP, cellY, Calibration.DEFAULT_BINS), ranking.curves());
    }

    /** Headline numbers compared across slices (see {@link SliceReport}); NaN where undefined. */
    public Map<String, Double> headline() {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("subset_accuracy", subsetAccuracy);
        h.put("hamming_loss", hammingLoss);
        h.put("micro_f1", perLabel.micro().f1());
        h.put("macro_f1", perLabel.macro().f1());
        h.put("samples_f1", samples.f1());
        h.put("jaccard_samples", jaccardSamples);
        scores.ifPresent(s -> {
            h.put("roc_auc_macro", s.rocAuc().macro());
            h.put("label_ranking_average_precision", s.labelRankingAveragePrecision());
        });
        return h;
    }
}
