package dev.annota.eval.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Metrics per slice of the data (camera, site, annotator, …) and, for each headline metric, the largest gap
 * between two slices — the figure a bias audit looks at first.
 *
 * @param slices each slice's sample count and headline metrics, by slice name (sorted)
 * @param gaps   per metric: the best and the worst slice and their difference (slices where the metric is
 *               undefined are left out; a metric defined on fewer than two slices has no gap)
 */
public record SliceReport(Map<String, Slice> slices, Map<String, Gap> gaps) {
    public SliceReport {
        slices = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(slices));
        gaps = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(gaps));
    }

    /** One slice: its size and its headline metrics. */
    public record Slice(int n, Map<String, Double> metrics) {
        public Slice {
            metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        }
    }

    /** The spread of one metric over slices: highest and lowest values and where they occur. */
    public record Gap(String highestSlice, double highest, String lowestSlice, double lowest) {
        public double gap() {
            return highest - lowest;
        }
    }

    /**
     * {@code keys[i]} names sample i's slice; {@code headline} computes the metrics of a subset of samples
     * (given as indices in increasing order).
     */
    public static SliceReport of(String[] keys, Function<int[], Map<String, Double>> headline) {
        Map<String, List<Integer>> members = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            members.computeIfAbsent(keys[i], x -> new ArrayList<>()).add(i);
        }
        Map<String, Slice> slices = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            int[] idx = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            slices.put(e.getKey(), new Slice(idx.length, headline.apply(idx)));
        }
        Map<String, Gap> gaps = new LinkedHashMap<>();
        if (slices.size() > 1) {
            List<String> metricNames = new ArrayList<>();
            slices.values().forEach(s -> s.metrics().keySet().forEach(m -> {
                if (!metricNames.contains(m)) {
                    metricNames.add(m);
                }
            }));
            for (String metric : metricNames) {
                String hi = null, lo = null;
                double hv = Double.NEGATIVE_INFINITY, lv = Double.POSITIVE_INFINITY;
                int defined = 0;
                for (Map.Entry<String, Slice> e : slices.entrySet()) {
                    Double v = e.getValue().metrics().get(metric);
                    if (v == null || v.isNaN()) {
                        continue;
                    }
                    defined++;
                    if (v > hv) {
                        hv = v;
                        hi = e.getKey();
                    }
                    if (v < lv) {
                        lv = v;
                        lo = e.getKey();
                    }
                }
                if (defined > 1) {
                    gaps.put(metric, new Gap(hi, hv, lo, lv));
                }
            }
        }
        return new SliceReport(slices, gaps);
    }
}
