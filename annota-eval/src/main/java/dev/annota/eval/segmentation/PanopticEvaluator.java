package dev.annota.eval.segmentation;

import dev.annota.core.error.ValidationException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Panoptic quality accumulated image by image, with the rules of the COCO panoptic API
 * ({@code pq_compute_single_core}):
 * <ul>
 *   <li>a ground-truth and a predicted segment of the same category match when IoU &gt; 0.5, where the union
 *       leaves out the predicted pixels that fall on void (id 0) — such a match is unique;</li>
 *   <li>crowd ground truth never matches; unmatched crowd segments are not false negatives;</li>
 *   <li>an unmatched prediction is not a false positive when more than half of it lies on void or on the
 *       crowd region of its category (the last crowd segment of that category in the list).</li>
 * </ul>
 * Segment areas are counted from the id maps. Every id in a predicted map must be 0 or a listed segment, and
 * every listed predicted segment must appear in its map. Not thread-safe.
 */
public final class PanopticEvaluator {
    /** The id of void pixels. */
    public static final int VOID = 0;

    private final List<PanopticCategory> categories;
    private final Map<Long, Integer> categoryIndex = new HashMap<>();
    private final long[] tp;
    private final long[] fp;
    private final long[] fn;
    private final double[] iouSum;

    public PanopticEvaluator(List<PanopticCategory> categories) {
        this.categories = List.copyOf(categories);
        for (int i = 0; i < this.categories.size(); i++) {
            if (categoryIndex.put(this.categories.get(i).id(), i) != null) {
                throw ValidationException.of("categories[" + i + "].id", this.categories.get(i).id(), "expected unique category ids");
            }
        }
        int k = this.categories.size();
        tp = new long[k];
        fp = new long[k];
        fn = new long[k];
        iouSum = new double[k];
    }

    /** Adds one image: segment id per pixel (same layout in both maps) and the segments of each side. */
    public void add(int[] truthIds, List<PanopticSegment> truthSegments, int[] predictedIds,
                    List<PanopticSegment> predictedSegments) {
        if (truthIds.length != predictedIds.length) {
            throw ValidationException.of("predictedIds", predictedIds.length + " pixels",
                    "expected as many pixels as the truth (" + truthIds.length + ")");
        }
        int ng = truthSegments.size(), np = predictedSegments.size();
        int[] gtCat = categoriesOf(truthSegments, "truth");
        int[] prCat = categoriesOf(predictedSegments, "predicted");
        SegmentIndex gtIndex = new SegmentIndex(truthSegments, "truth");
        SegmentIndex prIndex = new SegmentIndex(predictedSegments, "predicted");
        // rows: truth segments, then void, then ids that no segment lists; columns: predicted segments, then void
        int rows = ng + 2, cols = np + 1;
        long[] counts = new long[rows * cols];
        for (int i = 0; i < truthIds.length; i++) {
            int g = truthIds[i] == VOID ? ng : gtIndex.indexOf(truthIds[i]);
            if (g < 0) {
                g = ng + 1;
            }
            int p = predictedIds[i] == VOID ? np : prIndex.indexOf(predictedIds[i]);
            if (p < 0) {
                throw ValidationException.of("predictedIds[" + i + "]", predictedIds[i],
                        "expected 0 (void) or the id of a predicted segment");
            }
            counts[g * cols + p]++;
        }
        long[] gtArea = new long[ng];
        long[] prArea = new long[np];
        for (int g = 0; g < rows; g++) {
            for (int p = 0; p < cols; p++) {
                long c = counts[g * cols + p];
                if (g < ng) {
                    gtArea[g] += c;
                }
                if (p < np) {
                    prArea[p] += c;
                }
            }
        }
        for (int p = 0; p < np; p++) {
            if (prArea[p] == 0) {
                throw ValidationException.of("predicted[" + p + "].id", predictedSegments.get(p).id(),
                        "expected every listed predicted segment to appear in the id map");
            }
        }
        boolean[] gtMatched = new boolean[ng];
        boolean[] prMatched = new boolean[np];
        for (int g : byId(truthSegments)) {
            if (truthSegments.get(g).crowd()) {
                continue;
            }
            for (int p : byId(predictedSegments)) {
                long inter = counts[g * cols + p];
                if (inter == 0 || gtCat[g] != prCat[p]) {
                    continue;
                }
                long union = prArea[p] + gtArea[g] - inter - counts[ng * cols + p];
                double iou = (double) inter / union;
                if (iou > 0.5) {
                    tp[gtCat[g]]++;
                    iouSum[gtCat[g]] += iou;
                    gtMatched[g] = true;
                    prMatched[p] = true;
                }
            }
        }
        int[] crowdOf = new int[categories.size()];
        Arrays.fill(crowdOf, -1);
        for (int g = 0; g < ng; g++) {
            if (gtMatched[g]) {
                continue;
            }
            if (truthSegments.get(g).crowd()) {
                crowdOf[gtCat[g]] = g;
            } else {
                fn[gtCat[g]]++;
            }
        }
        for (int p = 0; p < np; p++) {
            if (prMatched[p]) {
                continue;
            }
            long ignored = counts[ng * cols + p];
            if (crowdOf[prCat[p]] >= 0) {
                ignored += counts[crowdOf[prCat[p]] * cols + p];
            }
            if ((double) ignored / prArea[p] > 0.5) {
                continue;
            }
            fp[prCat[p]]++;
        }
    }

    /** PQ, SQ and RQ per class and averaged (all, things, stuff) over everything added so far. */
    public PanopticScores scores() {
        Map<Long, PanopticQuality> perClass = new LinkedHashMap<>();
        double[][] sums = new double[3][3];
        int[] n = new int[3];
        long[][] totals = new long[3][3];
        for (int c = 0; c < categories.size(); c++) {
            PanopticCategory cat = categories.get(c);
            long denominatorTerms = tp[c] + fp[c] + fn[c];
            if (denominatorTerms == 0) {
                perClass.put(cat.id(), new PanopticQuality(0, 0, 0, 0, 0, 0, 0));
                continue;
            }
            double d = tp[c] + 0.5 * fp[c] + 0.5 * fn[c];
            double pq = iouSum[c] / d;
            double sq = tp[c] == 0 ? 0 : iouSum[c] / tp[c];
            double rq = tp[c] / d;
            perClass.put(cat.id(), new PanopticQuality(pq, sq, rq, tp[c], fp[c], fn[c], 1));
            for (int group : new int[] {0, cat.thing() ? 1 : 2}) {
                sums[group][0] += pq;
                sums[group][1] += sq;
                sums[group][2] += rq;
                totals[group][0] += tp[c];
                totals[group][1] += fp[c];
                totals[group][2] += fn[c];
                n[group]++;
            }
        }
        PanopticQuality[] means = new PanopticQuality[3];
        for (int group = 0; group < 3; group++) {
            int k = n[group];
            means[group] = new PanopticQuality(k == 0 ? 0 : sums[group][0] / k, k == 0 ? 0 : sums[group][1] / k,
                    k == 0 ? 0 : sums[group][2] / k, totals[group][0], totals[group][1], totals[group][2], k);
        }
        return new PanopticScores(perClass, means[0], means[1], means[2]);
    }

    private int[] categoriesOf(List<PanopticSegment> segments, String side) {
        int[] out = new int[segments.size()];
        for (int i = 0; i < out.length; i++) {
            Integer c = categoryIndex.get(segments.get(i).categoryId());
            if (c == null) {
                throw ValidationException.of(side + "[" + i + "].category_id", segments.get(i).categoryId(),
                        "expected one of the evaluated categories");
            }
            out[i] = c;
        }
        return out;
    }

    /** Segment positions in ascending id order (the order the panoptic API visits pairs in). */
    private static int[] byId(List<PanopticSegment> segments) {
        return java.util.stream.IntStream.range(0, segments.size()).boxed()
                .sorted(java.util.Comparator.comparingInt(i -> segments.get(i).id()))
                .mapToInt(Integer::intValue).toArray();
    }
}
