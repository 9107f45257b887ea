package dev.annota.eval.coco;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * COCOeval's {@code summarize()}: each statistic is the mean ({@code np.mean}, so numpy's pairwise sum) of the
 * precision or recall entries above -1 in its slice, or -1 when there are none; each line is printed in
 * pycocotools' format, numbers rounded as Python's {@code '{:0.3f}'} rounds them (the exact binary value, half
 * to even).
 */
final class Summary {
    /** One line of the summary: AP or AR, at one IoU threshold (NaN: all), one area range label, one maxDets. */
    record Stat(boolean precision, double iou, String area, int maxDets) {
    }

    private final CocoParams params;
    private final double[] iouThresholds;
    private final int K;

    Summary(CocoParams params, int categories) {
        this.params = params;
        this.iouThresholds = params.iouThresholds();
        this.K = categories;
    }

    /** The 12 statistics of {@code _summarizeDets} or the 10 of {@code _summarizeKps}. */
    List<Stat> stats() {
        if (params.iouType() == IouType.KEYPOINTS) {
            return List.of(new Stat(true, Double.NaN, "all", 20), new Stat(true, .5, "all", 20),
                    new Stat(true, .75, "all", 20), new Stat(true, Double.NaN, "medium", 20),
                    new Stat(true, Double.NaN, "large", 20), new Stat(false, Double.NaN, "all", 20),
                    new Stat(false, .5, "all", 20), new Stat(false, .75, "all", 20),
                    new Stat(false, Double.NaN, "medium", 20), new Stat(false, Double.NaN, "large", 20));
        }
        int[] md = params.maxDets();
        if (md.length < 3) {
            throw new IllegalArgumentException("the detection summary needs 3 maxDets, got " + md.length);
        }
        return List.of(new Stat(true, Double.NaN, "all", 100), new Stat(true, .5, "all", md[2]),
                new Stat(true, .75, "all", md[2]), new Stat(true, Double.NaN, "small", md[2]),
                new Stat(true, Double.NaN, "medium", md[2]), new Stat(true, Double.NaN, "large", md[2]),
                new Stat(false, Double.NaN, "all", md[0]), new Stat(false, Double.NaN, "all", md[1]),
                new Stat(false, Double.NaN, "all", md[2]), new Stat(false, Double.NaN, "small", md[2]),
                new Stat(false, Double.NaN, "medium", md[2]), new Stat(false, Double.NaN, "large", md[2]));
    }

    /** The value of {@code stat}: mean of the entries above -1 of its slice, -1 when none. */
    double value(Stat stat, DenseArray precision, DenseArray recall) {
        int a = indexOfArea(stat.area());
        int m = indexOfMaxDets(stat.maxDets());
        int T = iouThresholds.length, R = params.recallThresholds().length;
        int A = params.areaRanges().size(), M = params.maxDets().length;
        double[] buf = new double[stat.precision() ? T * R * K : T * K];
        int n = 0;
        if (a < 0 || m < 0) {
            return -1;
        }
        for (int t = 0; t < T; t++) {
            if (!Double.isNaN(stat.iou()) && iouThresholds[t] != stat.iou()) {
                continue;
            }
            if (stat.precision()) {
                double[] p = precision.raw();
                for (int r = 0; r < R; r++) {
                    for (int k = 0; k < K; k++) {
                        double v = p[(((t * R + r) * K + k) * A + a) * M + m];
                        if (v > -1) {
                            buf[n++] = v;
                        }
                    }
                }
            } else {
                double[] rc = recall.raw();
                for (int k = 0; k < K; k++) {
                    double v = rc[((t * K + k) * A + a) * M + m];
                    if (v > -1) {
                        buf[n++] = v;
                    }
                }
            }
        }
        return n == 0 ? -1 : NumpyMath.mean(buf, n);
    }

    /** Category {@code k}'s AP: mean over IoU thresholds and recall points, area "all", the largest maxDets. */
    double categoryAp(int k, DenseArray precision) {
        int T = iouThresholds.length, R = params.recallThresholds().length;
        int A = params.areaRanges().size(), M = params.maxDets().length;
        int a = indexOfArea("all");
        if (a < 0) {
            a = 0;
        }
        double[] p = precision.raw();
        double[] buf = new double[T * R];
        int n = 0;
        for (int t = 0; t < T; t++) {
            for (int r = 0; r < R; r++) {
                double v = p[(((t * R + r) * K + k) * A + a) * M + (M - 1)];
                if (v > -1) {
                    buf[n++] = v;
                }
            }
        }
        return n == 0 ? -1 : NumpyMath.mean(buf, n);
    }

    /** {@code summarize()}'s line for {@code stat} with {@code value}. */
    String line(Stat stat, double value) {
        String title = stat.precision() ? "Average Precision" : "Average Recall";
        String type = stat.precision() ? "(AP)" : "(AR)";
        String iou = Double.isNaN(stat.iou())
                ? fixed(iouThresholds[0], 2) + ":" + fixed(iouThresholds[iouThresholds.length - 1], 2)
                : fixed(stat.iou(), 2);
        return " " + padRight(title, 18) + " " + type + " @[ IoU=" + padRight(iou, 9) + " | area="
                + padLeft(stat.area(), 6) + " | maxDets=" + padLeft(Integer.toString(stat.maxDets()), 3) + " ] = "
                + fixed(value, 3);
    }

    List<String> lines(List<Stat> stats, double[] values) {
        List<String> out = new ArrayList<>(stats.size());
        for (int i = 0; i < stats.size(); i++) {
            out.add(line(stats.get(i), values[i]));
        }
        return out;
    }

    /** Python's {@code '{:0.Nf}'.format(v)}: the exact binary value rounded half to even. */
    static String fixed(double v, int digits) {
        return new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    private int indexOfArea(String label) {
        List<AreaRange> areas = params.areaRanges();
        for (int i = 0; i < areas.size(); i++) {
            if (areas.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfMaxDets(int maxDets) {
        int[] md = params.maxDets();
        for (int i = 0; i < md.length; i++) {
            if (md[i] == maxDets) {
                return i;
            }
        }
        return -1;
    }

    private static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
