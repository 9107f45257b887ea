package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.schema.LabelId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whole-image tags by vote. When every annotator gave at most one tag (classification), the label with the most
 * weight wins if its share is above the minimum support (a tie leaves both out); otherwise each label is kept when
 * its share is above the minimum (multi-label).
 */
final class TagVote {
    private TagVote() {
    }

    static List<MergedItem> vote(List<AnnotatorAnswer> answers, double total, ConsensusSettings settings) {
        Map<LabelId, List<String>> voters = new LinkedHashMap<>();
        Map<LabelId, Double> weight = new LinkedHashMap<>();
        Map<LabelId, Tag> firstTag = new LinkedHashMap<>();
        boolean single = true;
        for (AnnotatorAnswer a : answers) {
            List<Tag> tags = a.annotations().stream().filter(x -> x instanceof Tag).map(x -> (Tag) x).toList();
            single &= tags.size() <= 1;
            for (LabelId label : tags.stream().map(Annotation::label).distinct().toList()) {
                voters.computeIfAbsent(label, k -> new ArrayList<>()).add(a.annotator());
                weight.merge(label, a.weight(), Double::sum);
                firstTag.putIfAbsent(label, tags.stream().filter(t -> t.label().equals(label)).findFirst().orElseThrow());
            }
        }
        double best = weight.values().stream().max(Comparator.naturalOrder()).orElse(0.0);
        long atBest = weight.values().stream().filter(w -> w == best).count();
        List<MergedItem> out = new ArrayList<>();
        for (Map.Entry<LabelId, List<String>> e : voters.entrySet()) {
            double support = weight.get(e.getKey()) / total;
            boolean winner = !single || (weight.get(e.getKey()) == best && atBest == 1);
            out.add(MergedItem.of(Fusion.fuse(List.of(firstTag.get(e.getKey())), new double[] {1}, null), e.getValue(),
                    ones(e.getValue().size()), answers.size(), support, winner, settings));
        }
        return out;
    }

    private static double[] ones(int n) {
        double[] o = new double[n];
        java.util.Arrays.fill(o, 1);
        return o;
    }
}
