package dev.annota.eval.coco;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a COCO evaluation, as pycocotools' {@code COCOeval} holds it after {@code summarize()}.
 *
 * @param categoryIds the evaluated categories, sorted (the K axis of the arrays)
 * @param precision {@code eval['precision']}, shape {@code [T][R][K][A][M]}, -1 where a category has no
 *     non-ignored ground truth
 * @param recall {@code eval['recall']}, shape {@code [T][K][A][M]}
 * @param stats {@code COCOeval.stats}: 12 numbers (keypoints: 10), -1 for "no ground truth in that setting"
 * @param perCategoryAp AP@[.5:.95] over all areas at the largest maxDets, by category id in id order; -1 for a
 *     category without ground truth
 * @param summaryLines exactly what {@code summarize()} prints
 */
public record CocoEvaluation(CocoParams params, List<Long> categoryIds, DenseArray precision, DenseArray recall,
                             List<Double> stats, Map<Long, Double> perCategoryAp, List<String> summaryLines) {
    public CocoEvaluation {
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(recall, "recall");
        categoryIds = List.copyOf(categoryIds);
        stats = List.copyOf(stats);
        perCategoryAp = Collections.unmodifiableMap(new LinkedHashMap<>(perCategoryAp));
        summaryLines = List.copyOf(summaryLines);
    }

    /** The stats as an array, in {@code COCOeval.stats} order. */
    public double[] statsArray() {
        return stats.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
