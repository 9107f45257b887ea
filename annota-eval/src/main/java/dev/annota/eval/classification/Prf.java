package dev.annota.eval.classification;

/** Precision, recall and F1 of one class or one average. */
public record Prf(double precision, double recall, double f1) {

    /**
     * scikit-learn's ratios with {@code zero_division = 0}: precision = tp / predicted, recall = tp / actual,
     * F1 = 2·P·R / (P + R), each 0 when its denominator is 0.
     */
    public static Prf of(long tp, long predicted, long actual) {
        double p = ratio(tp, predicted);
        double r = ratio(tp, actual);
        return new Prf(p, r, f1(p, r));
    }

    /** {@code 2PR/(P+R)} evaluated in scikit-learn's order, 0 when P + R = 0. */
    public static double f1(double p, double r) {
        double denom = p + r;
        return denom == 0.0 ? 0.0 : 2.0 * p * r / denom;
    }

    static double ratio(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }
}
