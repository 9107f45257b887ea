package dev.annota.eval.agreement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How closely two annotators drew the same objects. Shapes are grouped by image and label; within a group,
 * A's and B's shapes are matched one-to-one by IoU — {@link Matching#GREEDY} (highest IoU pair first) or
 * {@link Matching#HUNGARIAN} (the largest total IoU) — and only pairs with IoU ≥ {@code minIou} (and &gt; 0)
 * count as matches. The result is the mean IoU over matched pairs and what each annotator drew that the other
 * did not.
 */
public final class ShapeAgreement {
    private ShapeAgreement() {
    }

    /** How shapes are paired. */
    public enum Matching { GREEDY, HUNGARIAN }

    /** One matched pair, by position in the input lists. */
    public record Pair(int indexA, int indexB, double iou) {
    }

    /**
     * @param pairs      the matched pairs
     * @param unmatchedA positions in A's list of shapes B has no match for
     * @param unmatchedB positions in B's list of shapes A has no match for
     * @param meanIou    mean IoU of the matched pairs (NaN when none matched)
     */
    public record Result(List<Pair> pairs, List<Integer> unmatchedA, List<Integer> unmatchedB, double meanIou) {
        public Result {
            pairs = List.copyOf(pairs);
            unmatchedA = List.copyOf(unmatchedA);
            unmatchedB = List.copyOf(unmatchedB);
        }

        public int matched() {
            return pairs.size();
        }
    }

    public static Result compare(List<Shape> a, List<Shape> b, Matching matching, double minIou) {
        if (!(minIou >= 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minIou must be in [0, 1], got " + minIou);
        }
        Map<String, List<Integer>> groupsA = group(a), groupsB = group(b);
        List<Pair> pairs = new ArrayList<>();
        boolean[] matchedA = new boolean[a.size()], matchedB = new boolean[b.size()];
        for (Map.Entry<String, List<Integer>> e : groupsA.entrySet()) {
            List<Integer> ia = e.getValue(), ib = groupsB.getOrDefault(e.getKey(), List.of());
            double[][] w = new double[ia.size()][ib.size()];
            for (int i = 0; i < ia.size(); i++) {
                for (int j = 0; j < ib.size(); j++) {
                    double iou = Region.iou(a.get(ia.get(i)).region(), b.get(ib.get(j)).region());
                    w[i][j] = iou >= minIou && iou > 0 ? iou : 0;
                }
            }
            int[] assigned = matching == Matching.HUNGARIAN ? Assignment.maximise(w, ia.size(), ib.size()) : Assignment.greedy(w);
            for (int i = 0; i < assigned.length; i++) {
                if (assigned[i] >= 0) {
                    int ga = ia.get(i), gb = ib.get(assigned[i]);
                    pairs.add(new Pair(ga, gb, w[i][assigned[i]]));
                    matchedA[ga] = true;
                    matchedB[gb] = true;
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::indexA));
        double mean = pairs.isEmpty() ? Double.NaN
                : dev.annota.eval.NumpySum.mean(pairs.stream().mapToDouble(Pair::iou).toArray());
        return new Result(pairs, unmatched(matchedA), unmatched(matchedB), mean);
    }

    private static Map<String, List<Integer>> group(List<Shape> shapes) {
        Map<String, List<Integer>> g = new LinkedHashMap<>();
        for (int i = 0; i < shapes.size(); i++) {
            Shape s = shapes.get(i);
            g.computeIfAbsent(s.image() + '\u0000' + s.label(), x -> new ArrayList<>()).add(i);
        }
        return g;
    }

    private static List<Integer> unmatched(boolean[] matched) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < matched.length; i++) {
            if (!matched[i]) {
                out.add(i);
            }
        }
        return out;
    }
}
