package dev.annota.eval.coco;

import java.util.Arrays;
import java.util.List;

/**
 * Evaluates one category: for each image (in id order) its detections sorted by score (stable) and cut to
 * the largest maxDets, their IoUs with the ground truths ({@link PairScores}), the matching in every area
 * range ({@link ImageMatcher}); then COCOeval's {@code accumulate} for this category: all its detections
 * sorted by score (stable, images in id order), cut per image to each maxDets, cumulative TP/FP per IoU
 * threshold, precision made monotone from the right and sampled at the recall points
 * ({@code searchsorted(..., 'left')}). Writes only this category's slice of the precision and recall arrays.
 */
final class CategoryEvaluation {
    private final EvalInput in;
    private final PairScores scores;
    private final double[] iouThresholds;
    private final double[] recallThresholds;
    private final int[] maxDets;
    private final List<AreaRange> areas;
    private final int maxDet;

    CategoryEvaluation(EvalInput in, PairScores scores) {
        this.in = in;
        this.scores = scores;
        this.iouThresholds = in.params.iouThresholds();
        this.recallThresholds = in.params.recallThresholds();
        this.maxDets = in.params.maxDets();
        this.areas = in.params.areaRanges();
        this.maxDet = maxDets[maxDets.length - 1];
    }

    /** Evaluates category {@code k} into {@code precision} {@code [T][R][K][A][M]} and {@code recall} {@code [T][K][A][M]}. */
    void run(int k, double[] precision, double[] recall) {
        int[] gts = in.gtByCategory[k];
        int[] dts = in.dtByCategory[k];
        if (gts.length == 0 && dts.length == 0) {
            return; // no image has anything of this category: every entry stays -1
        }
        int areaCount = areas.size();
        long[] gtKeys = imageKeys(gts, in.gtImage);
        long[] dtKeys = imageKeys(dts, in.dtImage);

        // per detection kept (in image order, then score order): score, rank in its image, TP/FP bits per area
        int cap = dts.length;
        double[] detScore = new double[cap];
        int[] detRank = new int[cap];
        int[][] tpBits = new int[areaCount][cap];
        int[][] fpBits = new int[areaCount][cap];
        long[] npig = new long[areaCount];
        int kept = 0;

        ImageMatcher matcher = new ImageMatcher(iouThresholds);
        int[] gtGroup = new int[16];
        int[] dtGroup = new int[16];
        boolean[] gtIgnore = new boolean[16];
        boolean[] gtBaseIgnore = new boolean[16];
        boolean[] gtCrowd = new boolean[16];
        long[] gtId = new long[16];
        double[] gtArea = new double[16];
        boolean[] dtOutside = new boolean[16];
        int gi = 0, di = 0;
        while (gi < gtKeys.length || di < dtKeys.length) {
            int image = (int) Math.min(gi < gtKeys.length ? gtKeys[gi] >>> 32 : Integer.MAX_VALUE,
                    di < dtKeys.length ? dtKeys[di] >>> 32 : Integer.MAX_VALUE);
            int ng = 0;
            while (gi < gtKeys.length && (gtKeys[gi] >>> 32) == image) {
                if (ng == gtGroup.length) {
                    int c = ng * 2;
                    gtGroup = Arrays.copyOf(gtGroup, c);
                    gtIgnore = new boolean[c];
                    gtBaseIgnore = new boolean[c];
                    gtCrowd = new boolean[c];
                    gtId = new long[c];
                    gtArea = new double[c];
                }
                gtGroup[ng++] = gts[(int) gtKeys[gi++]];
            }
            int nd = 0;
            while (di < dtKeys.length && (dtKeys[di] >>> 32) == image) {
                if (nd == dtGroup.length) {
                    dtGroup = Arrays.copyOf(dtGroup, nd * 2);
                    dtOutside = new boolean[nd * 2];
                }
                dtGroup[nd++] = dts[(int) dtKeys[di++]];
            }
            StableOrder.byScoreDescending(dtGroup, nd, in.dtScore);
            nd = Math.min(nd, maxDet);
            double[][] ious = scores.compute(gtGroup, ng, dtGroup, nd);
            for (int j = 0; j < ng; j++) {
                GroundTruthObject g = in.gts.get(gtGroup[j]);
                gtCrowd[j] = g.crowd();
                gtBaseIgnore[j] = g.crowd()
                        || (in.params.iouType() == IouType.KEYPOINTS && g.labelledKeypoints() == 0);
                gtId[j] = g.id();
                gtArea[j] = g.area();
            }
            for (int i = 0; i < nd; i++) {
                detScore[kept + i] = in.dtScore[dtGroup[i]];
                detRank[kept + i] = i;
            }
            for (int a = 0; a < areaCount; a++) {
                AreaRange range = areas.get(a);
                for (int j = 0; j < ng; j++) {
                    gtIgnore[j] = gtBaseIgnore[j] || range.excludes(gtArea[j]);
                }
                for (int i = 0; i < nd; i++) {
                    dtOutside[i] = range.excludes(in.dts.get(dtGroup[i]).area());
                }
                npig[a] += matcher.match(ious, gtIgnore, gtCrowd, gtId, ng, dtOutside, nd,
                        tpBits[a], fpBits[a], kept);
            }
            kept += nd;
        }
        accumulate(k, kept, detScore, detRank, tpBits, fpBits, npig, precision, recall);
    }

    /** Positions sorted by image, file order within an image: {@code image << 32 | position}. */
    private static long[] imageKeys(int[] members, int[] imageOf) {
        long[] keys = new long[members.length];
        for (int i = 0; i < members.length; i++) {
            keys[i] = ((long) imageOf[members[i]] << 32) | i;
        }
        Arrays.sort(keys); // the low 32 bits are the position in members
        return keys;
    }

    private void accumulate(int k, int n, double[] detScore, int[] detRank, int[][] tpBits, int[][] fpBits,
                            long[] npig, double[] precision, double[] recall) {
        int T = iouThresholds.length, R = recallThresholds.length, K = in.categoryIds.length;
        int A = areas.size(), M = maxDets.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        StableOrder.byScoreDescending(order, n, detScore);
        double[] rc = new double[n];
        double[] pr = new double[n];
        for (int a = 0; a < A; a++) {
            if (npig[a] == 0) {
                continue;
            }
            double positives = npig[a];
            int[] tpA = tpBits[a], fpA = fpBits[a];
            for (int m = 0; m < M; m++) {
                int limit = maxDets[m];
                for (int t = 0; t < T; t++) {
                    int bit = 1 << t;
                    double tp = 0, fp = 0;
                    int nd = 0;
                    for (int o = 0; o < n; o++) {
                        int d = order[o];
                        if (detRank[d] >= limit) {
                            continue;
                        }
                        if ((tpA[d] & bit) != 0) {
                            tp++;
                        } else if ((fpA[d] & bit) != 0) {
                            fp++;
                        }
                        rc[nd] = tp / positives;
                        pr[nd] = tp / (fp + tp + NumpyMath.EPS);
                        nd++;
                    }
                    recall[((t * K + k) * A + a) * M + m] = nd > 0 ? rc[nd - 1] : 0;
                    for (int i = nd - 1; i > 0; i--) {
                        if (pr[i] > pr[i - 1]) {
                            pr[i - 1] = pr[i];
                        }
                    }
                    int p = 0;
                    for (int r = 0; r < R; r++) {
                        while (p < nd && rc[p] < recallThresholds[r]) {
                            p++;
                        }
                        precision[(((t * R + r) * K + k) * A + a) * M + m] = p < nd ? pr[p] : 0;
                    }
                }
            }
        }
    }
}
