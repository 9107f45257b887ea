package dev.annota.eval.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * COCO detection evaluation with the numbers of pycocotools' {@code COCOeval} ({@code evaluate()},
 * {@code accumulate()}, {@code summarize()}). Categories are evaluated in parallel; each writes only its own
 * slice of the result arrays, so results do not depend on scheduling.
 *
 * <p>Ground truth is ignored where it is a crowd region, where its {@code area} lies outside the area range,
 * and (keypoints) where it has no labelled keypoint. See {@link ImageMatcher} for the matching and
 * {@link CategoryEvaluation} for the accumulation.
 */
public final class CocoEvaluator {
    private CocoEvaluator() {
    }

    /** Evaluates with pycocotools' default parameters for {@code type}. */
    public static CocoEvaluation evaluate(CocoGroundTruth gt, List<Detection> detections, IouType type) {
        return evaluate(gt, detections, CocoParams.defaults(type));
    }

    /** Evaluates {@code detections} (as {@link LoadResults} made them) against {@code gt}. */
    public static CocoEvaluation evaluate(CocoGroundTruth gt, List<Detection> detections, CocoParams params) {
        EvalInput in = new EvalInput(gt, detections, params);
        int T = params.iouThresholds().length, R = params.recallThresholds().length;
        int K = in.categoryIds.length, A = params.areaRanges().size(), M = params.maxDets().length;
        double[] precision = new double[T * R * K * A * M];
        double[] recall = new double[T * K * A * M];
        Arrays.fill(precision, -1);
        Arrays.fill(recall, -1);
        PairScores scores = new PairScores(in);
        IntStream.range(0, K).parallel().forEach(k -> new CategoryEvaluation(in, scores).run(k, precision, recall));

        DenseArray p = new DenseArray(new int[] {T, R, K, A, M}, precision);
        DenseArray r = new DenseArray(new int[] {T, K, A, M}, recall);
        Summary summary = new Summary(params, K);
        List<Summary.Stat> specs = summary.stats();
        double[] values = new double[specs.size()];
        List<Double> stats = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            values[i] = summary.value(specs.get(i), p, r);
            stats.add(values[i]);
        }
        Map<Long, Double> perCategory = new LinkedHashMap<>();
        List<Long> categoryIds = new ArrayList<>(K);
        for (int k = 0; k < K; k++) {
            categoryIds.add(in.categoryIds[k]);
            perCategory.put(in.categoryIds[k], summary.categoryAp(k, p));
        }
        return new CocoEvaluation(params, categoryIds, p, r, stats, perCategory, summary.lines(specs, values));
    }
}
