package dev.annota.eval.segmentation;

/**
 * Semantic segmentation scores from a confusion matrix ({@code [truth][predicted]} pixel counts).
 *
 * <p>Per class c: IoU = TP / (TP + FP + FN) and accuracy (recall) = TP / (TP + FN). A class that is absent
 * from both truth and prediction has no IoU, and a class absent from the truth no accuracy: those are
 * {@code NaN} and left out of the means (mIoU and mean class accuracy are means over the classes that have a
 * value, as mmsegmentation's {@code nanmean}). Pixel accuracy is the diagonal over all counted pixels
 * ({@code NaN} when none was counted).
 */
public record SemanticSegmentationScores(long[][] confusion, double[] iou, double[] classAccuracy, double meanIou,
                                         double pixelAccuracy, double meanClassAccuracy) {
    public SemanticSegmentationScores {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        confusion = copy;
        iou = iou.clone();
        classAccuracy = classAccuracy.clone();
    }

    static SemanticSegmentationScores of(long[][] m) {
        int k = m.length;
        double[] iou = new double[k];
        double[] acc = new double[k];
        long diagonal = 0, total = 0;
        for (int c = 0; c < k; c++) {
            long tp = m[c][c], truth = 0, predicted = 0;
            for (int j = 0; j < k; j++) {
                truth += m[c][j];
                predicted += m[j][c];
                total += m[c][j];
            }
            diagonal += tp;
            long union = truth + predicted - tp;
            iou[c] = union == 0 ? Double.NaN : (double) tp / union;
            acc[c] = truth == 0 ? Double.NaN : (double) tp / truth;
        }
        return new SemanticSegmentationScores(m, iou, acc, nanMean(iou),
                total == 0 ? Double.NaN : (double) diagonal / total, nanMean(acc));
    }

    private static double nanMean(double[] v) {
        double sum = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                sum += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    @Override
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    @Override
    public double[] iou() {
        return iou.clone();
    }

    @Override
    public double[] classAccuracy() {
        return classAccuracy.clone();
    }
}
