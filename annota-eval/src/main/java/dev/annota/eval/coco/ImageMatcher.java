package dev.annota.eval.coco;

/**
 * COCOeval's {@code evaluateImg} matching for one image, category and area range, at every IoU threshold.
 *
 * <p>Ground truths are visited non-ignored first (stable), detections by descending score. At threshold t a
 * detection takes the best-scoring ground truth with IoU at least {@code min(t, 1 - 1e-10)} that is not yet
 * taken (a crowd region can be taken any number of times); once it holds a non-ignored ground truth it stops
 * at the first ignored one. A detection matched to an ignored ground truth is ignored; an unmatched one whose
 * area lies outside the range is ignored too. As in pycocotools, "matched" means the matched ground truth's
 * id is not 0.
 *
 * <p>Results are bit masks per detection: bit t of {@code tp} set for a true positive at threshold t, of
 * {@code fp} for a false positive (ignored detections are neither).
 */
final class ImageMatcher {
    private static final double MAX_IOU = 1 - 1e-10;

    private final double[] thresholds;
    private int[] order = new int[16];
    private boolean[] ignored = new boolean[16];
    private boolean[] crowd = new boolean[16];
    private long[] ids = new long[16];
    private boolean[] taken = new boolean[16];

    ImageMatcher(double[] thresholds) {
        this.thresholds = thresholds.clone();
    }

    /**
     * Matches one image.
     *
     * @param ious {@code [detection][groundTruth]} in the input order, or null when either side is empty
     * @param gtIgnore per ground truth: ignored in this area range
     * @param gtCrowd per ground truth: a crowd region
     * @param gtId per ground truth: its id
     * @param ng number of ground truths
     * @param dtOutside per detection (score order): its area lies outside the range
     * @param nd number of detections
     * @param tp out: true-positive bits per detection, from {@code offset}
     * @param fp out: false-positive bits per detection, from {@code offset}
     * @param offset where this image's detections start in {@code tp} and {@code fp}
     * @return the number of non-ignored ground truths
     */
    int match(double[][] ious, boolean[] gtIgnore, boolean[] gtCrowd, long[] gtId, int ng,
              boolean[] dtOutside, int nd, int[] tp, int[] fp, int offset) {
        ensure(ng);
        int n = 0;
        for (int j = 0; j < ng; j++) {
            if (!gtIgnore[j]) {
                order[n++] = j;
            }
        }
        int kept = n;
        for (int j = 0; j < ng; j++) {
            if (gtIgnore[j]) {
                order[n++] = j;
            }
        }
        for (int j = 0; j < ng; j++) {
            ignored[j] = gtIgnore[order[j]];
            crowd[j] = gtCrowd[order[j]];
            ids[j] = gtId[order[j]];
        }
        for (int d = 0; d < nd; d++) {
            tp[offset + d] = 0;
            fp[offset + d] = 0;
        }
        for (int t = 0; t < thresholds.length; t++) {
            java.util.Arrays.fill(taken, 0, ng, false);
            int bit = 1 << t;
            for (int d = 0; d < nd; d++) {
                int m = -1;
                if (ious != null) {
                    double best = Math.min(thresholds[t], MAX_IOU);
                    double[] row = ious[d];
                    for (int g = 0; g < ng; g++) {
                        if (taken[g] && !crowd[g]) {
                            continue;
                        }
                        if (m > -1 && !ignored[m] && ignored[g]) {
                            break;
                        }
                        double v = row[order[g]];
                        if (v < best) {
                            continue;
                        }
                        best = v;
                        m = g;
                    }
                }
                boolean matched = m > -1 && ids[m] != 0;
                boolean ignore = m > -1 ? ignored[m] : false;
                if (m > -1) {
                    taken[m] = true;
                }
                ignore = ignore || (!matched && dtOutside[d]);
                if (!ignore) {
                    if (matched) {
                        tp[offset + d] |= bit;
                    } else {
                        fp[offset + d] |= bit;
                    }
                }
            }
        }
        return kept;
    }

    private void ensure(int ng) {
        if (order.length < ng) {
            int cap = Math.max(ng, order.length * 2);
            order = new int[cap];
            ignored = new boolean[cap];
            crowd = new boolean[cap];
            ids = new long[cap];
            taken = new boolean[cap];
        }
    }
}
