package dev.annota.eval.coco;

import dev.annota.core.geometry.Oks;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * COCOeval's parameters. {@link #defaults} gives pycocotools' defaults bit for bit: IoU thresholds
 * {@code linspace(.5, .95, 10)}, recall points {@code linspace(0, 1, 101)}, maxDets {@code [1, 10, 100]}
 * (keypoints {@code [20]}), area ranges all / small / medium / large (keypoints all / medium / large) and the 17
 * COCO person sigmas.
 */
public record CocoParams(IouType iouType, double[] iouThresholds, double[] recallThresholds, int[] maxDets,
                         List<AreaRange> areaRanges, double[] sigmas) {
    private static final double BIG = 1e5 * 1e5;

    public CocoParams {
        Objects.requireNonNull(iouType, "iouType");
        iouThresholds = iouThresholds.clone();
        recallThresholds = recallThresholds.clone();
        maxDets = maxDets.clone();
        Arrays.sort(maxDets);
        areaRanges = List.copyOf(areaRanges);
        sigmas = sigmas.clone();
        if (iouThresholds.length == 0 || iouThresholds.length > 32 || recallThresholds.length == 0
                || maxDets.length == 0 || areaRanges.isEmpty()) {
            throw new IllegalArgumentException("COCO parameters need 1..32 IoU thresholds, recall points, maxDets and area ranges");
        }
    }

    /** pycocotools' {@code Params(iouType)}. */
    public static CocoParams defaults(IouType type) {
        double[] iou = linspace(.5, 0.95, (int) Math.round((0.95 - .5) / .05) + 1);
        double[] rec = linspace(.0, 1.00, (int) Math.round((1.00 - .0) / .01) + 1);
        List<AreaRange> areas = type == IouType.KEYPOINTS
                ? List.of(new AreaRange("all", 0, BIG), new AreaRange("medium", 32 * 32, 96 * 96),
                        new AreaRange("large", 96 * 96, BIG))
                : List.of(new AreaRange("all", 0, BIG), new AreaRange("small", 0, 32 * 32),
                        new AreaRange("medium", 32 * 32, 96 * 96), new AreaRange("large", 96 * 96, BIG));
        int[] maxDets = type == IouType.KEYPOINTS ? new int[] {20} : new int[] {1, 10, 100};
        return new CocoParams(type, iou, rec, maxDets, areas, Oks.cocoPersonSigmas());
    }

    /** numpy's {@code linspace(start, stop, num)}: {@code i * ((stop - start) / (num - 1)) + start}, last = stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }

    @Override
    public double[] iouThresholds() {
        return iouThresholds.clone();
    }

    @Override
    public double[] recallThresholds() {
        return recallThresholds.clone();
    }

    @Override
    public int[] maxDets() {
        return maxDets.clone();
    }

    @Override
    public double[] sigmas() {
        return sigmas.clone();
    }
}
