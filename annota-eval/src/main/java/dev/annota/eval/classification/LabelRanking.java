package dev.annota.eval.classification;

/**
 * scikit-learn's {@code label_ranking_average_precision_score}: for each sample and each of its true labels,
 * the fraction of labels ranked at or above it (score ≥) that are true; averaged over the true labels, then over
 * samples. A sample with no true labels, or with every label true, scores 1.
 */
final class LabelRanking {
    private LabelRanking() {
    }

    static double averagePrecision(boolean[][] truth, double[][] scores) {
        double total = 0;
        for (int i = 0; i < truth.length; i++) {
            int k = truth[i].length, relevant = 0;
            for (boolean b : truth[i]) {
                relevant += b ? 1 : 0;
            }
            if (relevant == 0 || relevant == k) {
                total += 1.0;
                continue;
            }
            double[] ratios = new double[relevant];
            int r = 0;
            for (int j = 0; j < k; j++) {
                if (!truth[i][j]) {
                    continue;
                }
                int rank = 0, relevantRank = 0;
                for (int l = 0; l < k; l++) {
                    if (scores[i][l] >= scores[i][j]) {
                        rank++;
                        relevantRank += truth[i][l] ? 1 : 0;
                    }
                }
                ratios[r++] = (double) relevantRank / rank;
            }
            total += dev.annota.eval.NumpySum.mean(ratios);
        }
        return total / truth.length;
    }
}
