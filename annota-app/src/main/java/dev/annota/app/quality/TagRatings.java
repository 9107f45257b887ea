package dev.annota.app.quality;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.eval.agreement.CohenKappa;
import dev.annota.eval.agreement.FleissKappa;
import dev.annota.eval.agreement.KrippendorffAlpha;
import dev.annota.eval.agreement.Weighting;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The image tags of overlapping images as an items × annotators table, and the κ and α over it (from
 * {@code dev.annota.eval.agreement}). An annotator's rating of an image is its one tag's label id, 0 for "no tag"
 * when someone else tagged the image, and missing when they gave several tags or did not finish the image.
 */
final class TagRatings {
    private final List<String> raters;
    private final double[][] ratings;
    private final List<double[][]> presence = new ArrayList<>();
    private final List<Integer> labels;

    TagRatings(List<ImageAnswers> images, List<String> raters) {
        this.raters = List.copyOf(raters);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < raters.size(); i++) {
            column.put(raters.get(i), i);
        }
        List<double[]> rows = new ArrayList<>();
        TreeSet<Integer> used = new TreeSet<>();
        List<List<ImageAnswers.JobAnswer>> tagged = new ArrayList<>();
        for (ImageAnswers image : images) {
            if (image.overlapping() && image.answers().stream().anyMatch(a -> !tags(a.annotations()).isEmpty())) {
                tagged.add(image.answers());
                double[] row = new double[raters.size()];
                Arrays.fill(row, Double.NaN);
                for (ImageAnswers.JobAnswer a : image.answers()) {
                    List<Integer> t = tags(a.annotations());
                    used.addAll(t);
                    row[column.get(a.userId())] = t.size() > 1 ? Double.NaN : t.isEmpty() ? 0 : t.get(0);
                }
                rows.add(row);
            }
        }
        this.ratings = rows.toArray(new double[0][]);
        this.labels = List.copyOf(used);
        for (int label : labels) {
            double[][] p = new double[tagged.size()][raters.size()];
            for (int i = 0; i < tagged.size(); i++) {
                Arrays.fill(p[i], Double.NaN);
                for (ImageAnswers.JobAnswer a : tagged.get(i)) {
                    p[i][column.get(a.userId())] = tags(a.annotations()).contains(label) ? 1 : 0;
                }
            }
            presence.add(p);
        }
    }

    static List<Integer> tags(List<Annotation> annotations) {
        return annotations.stream().filter(a -> a instanceof Tag).map(a -> a.label().value()).distinct().toList();
    }

    OptionalDouble alpha() {
        return finite(ratings.length == 0 ? Double.NaN : KrippendorffAlpha.of(ratings, KrippendorffAlpha.Level.NOMINAL));
    }

    /** α of "has tag {@code label}" (empty when nobody used the label as a tag). */
    OptionalDouble classAlpha(int label) {
        int i = labels.indexOf(label);
        return i < 0 ? OptionalDouble.empty() : finite(KrippendorffAlpha.of(presence.get(i), KrippendorffAlpha.Level.NOMINAL));
    }

    /** Fleiss' κ over the items with the most common number of ratings (≥ 2), and how many items that is. */
    Map.Entry<Integer, OptionalDouble> fleiss() {
        Map<Integer, Integer> byCount = new TreeMap<>();
        for (double[] row : ratings) {
            byCount.merge(present(row).length, 1, Integer::sum);
        }
        int m = byCount.entrySet().stream().filter(e -> e.getKey() >= 2)
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(0);
        List<int[]> items = new ArrayList<>();
        for (double[] row : ratings) {
            double[] p = present(row);
            if (m >= 2 && p.length == m) {
                items.add(Arrays.stream(p).mapToInt(this::category).toArray());
            }
        }
        if (items.isEmpty()) {
            return Map.entry(0, OptionalDouble.empty());
        }
        double kappa = FleissKappa.of(FleissKappa.counts(items.toArray(new int[0][]), labels.size() + 1)).kappa();
        return Map.entry(items.size(), finite(kappa));
    }

    /** Cohen's κ of two annotators over the images both rated, and how many that is. */
    Map.Entry<Integer, OptionalDouble> cohen(String a, String b) {
        int ca = raters.indexOf(a), cb = raters.indexOf(b);
        List<Integer> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (double[] row : ratings) {
            if (!Double.isNaN(row[ca]) && !Double.isNaN(row[cb])) {
                xs.add(category(row[ca]));
                ys.add(category(row[cb]));
            }
        }
        if (xs.isEmpty()) {
            return Map.entry(0, OptionalDouble.empty());
        }
        double kappa = CohenKappa.of(xs.stream().mapToInt(Integer::intValue).toArray(),
                ys.stream().mapToInt(Integer::intValue).toArray(), labels.size() + 1, Weighting.NONE);
        return Map.entry(xs.size(), finite(kappa));
    }

    /** 0 for "no tag", 1.. for the labels used, in label order. */
    private int category(double rating) {
        return rating == 0 ? 0 : labels.indexOf((int) rating) + 1;
    }

    private static double[] present(double[] row) {
        return Arrays.stream(row).filter(v -> !Double.isNaN(v)).toArray();
    }

    static OptionalDouble finite(double v) {
        return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
