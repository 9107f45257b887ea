package dev.annota.eval.labelerrors;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of {@link ConfidentLearning#find}: per-class thresholds, the confident joint (counts, rows given
 * label, columns confident label), its calibrated estimate of the joint distribution (sums to 1), and the
 * suspects, most suspicious first.
 */
public record LabelErrors(double[] thresholds, long[][] confidentJoint, double[][] calibratedJoint, List<Suspect> suspects) {
    public LabelErrors {
        thresholds = thresholds.clone();
        confidentJoint = Arrays.stream(confidentJoint).map(long[]::clone).toArray(long[][]::new);
        calibratedJoint = Arrays.stream(calibratedJoint).map(double[]::clone).toArray(double[][]::new);
        suspects = List.copyOf(suspects);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public long[][] confidentJoint() {
        return Arrays.stream(confidentJoint).map(long[]::clone).toArray(long[][]::new);
    }

    @Override
    public double[][] calibratedJoint() {
        return Arrays.stream(calibratedJoint).map(double[]::clone).toArray(double[][]::new);
    }

    /** The calibrated estimate of the fraction of samples with a wrong label: the joint's off-diagonal mass. */
    public double estimatedErrorRate() {
        double off = 0;
        for (int r = 0; r < calibratedJoint.length; r++) {
            for (int c = 0; c < calibratedJoint.length; c++) {
                off += r == c ? 0 : calibratedJoint[r][c];
            }
        }
        return off;
    }
}
