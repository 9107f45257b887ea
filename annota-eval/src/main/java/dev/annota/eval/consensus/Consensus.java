package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.eval.agreement.Assignment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Merges the answers of k annotators for one image into one (see the package description). */
public final class Consensus {
    private Consensus() {
    }

    /** The consensus of {@code answers} (one per annotator) for an image of {@code size}. */
    public static ImageConsensus merge(List<AnnotatorAnswer> answers, ConsensusSettings settings, ImageSize size) {
        Set<String> seen = new HashSet<>();
        for (AnnotatorAnswer a : answers) {
            if (!seen.add(a.annotator())) {
                throw ValidationException.of("annotators", a.annotator(), "expected each annotator once per image");
            }
        }
        double total = answers.stream().mapToDouble(AnnotatorAnswer::weight).sum();
        List<MergedItem> items = new ArrayList<>(TagVote.vote(answers, total, settings));
        Similarity similarity = new Similarity(size);
        Map<String, List<Cluster>> groups = new LinkedHashMap<>();
        for (int a = 0; a < answers.size(); a++) {
            Map<String, List<Annotation>> mine = new LinkedHashMap<>();
            for (Annotation x : answers.get(a).annotations()) {
                if (!(x instanceof Tag)) {
                    mine.computeIfAbsent(x.kind().wireName() + '\u0000' + x.label().value(), k -> new ArrayList<>()).add(x);
                }
            }
            for (Map.Entry<String, List<Annotation>> e : mine.entrySet()) {
                join(groups.computeIfAbsent(e.getKey(), k -> new ArrayList<>()), a, e.getValue(), answers, settings,
                        similarity);
            }
        }
        for (List<Cluster> clusters : groups.values()) {
            for (Cluster c : clusters) {
                items.add(c.item(answers, total, settings, similarity));
            }
        }
        return new ImageConsensus(items, scores(answers, items));
    }

    /** Matches annotator {@code a}'s objects of one group to the clusters, and starts clusters for the rest. */
    private static void join(List<Cluster> clusters, int a, List<Annotation> objects, List<AnnotatorAnswer> answers,
                             ConsensusSettings settings, Similarity similarity) {
        double[][] w = new double[objects.size()][clusters.size()];
        for (int i = 0; i < objects.size(); i++) {
            for (int j = 0; j < clusters.size(); j++) {
                double s = similarity.of(objects.get(i), clusters.get(j).fused);
                w[i][j] = s >= settings.iouThreshold() && s > 0 ? s : 0;
            }
        }
        int[] assigned = settings.matching() == ConsensusSettings.Matching.HUNGARIAN
                ? Assignment.maximise(w, objects.size(), clusters.size()) : Assignment.greedy(w);
        List<Cluster> fresh = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            if (assigned[i] >= 0) {
                clusters.get(assigned[i]).add(a, objects.get(i), answers, similarity);
            } else {
                Cluster c = new Cluster();
                c.add(a, objects.get(i), answers, similarity);
                fresh.add(c);
            }
        }
        clusters.addAll(fresh);
    }

    /** Each annotator's score against the accepted items and for their own items left out. */
    private static Map<String, AnnotatorScore> scores(List<AnnotatorAnswer> answers, List<MergedItem> items) {
        Map<String, AnnotatorScore> out = new LinkedHashMap<>();
        for (AnnotatorAnswer a : answers) {
            double score = 0;
            int opportunities = 0;
            for (MergedItem item : items) {
                boolean member = item.annotators().contains(a.annotator());
                if (item.accepted()) {
                    opportunities++;
                    score += member ? item.memberSimilarity(a.annotator()) : 0;
                } else if (member) {
                    opportunities++;
                }
            }
            out.put(a.annotator(), new AnnotatorScore(a.annotator(), score, opportunities));
        }
        return out;
    }

    /** Objects of one kind and label from different annotators taken to be the same object. */
    private static final class Cluster {
        final List<Integer> annotators = new ArrayList<>();
        final List<Annotation> members = new ArrayList<>();
        Annotation fused;

        void add(int annotator, Annotation object, List<AnnotatorAnswer> answers, Similarity similarity) {
            annotators.add(annotator);
            members.add(object);
            fused = Fusion.fuse(members, weights(answers), similarity);
        }

        double[] weights(List<AnnotatorAnswer> answers) {
            return annotators.stream().mapToDouble(i -> answers.get(i).weight()
                    * Math.max(1e-6, members.get(annotators.indexOf(i)).info().confidence().orElse(1))).toArray();
        }

        MergedItem item(List<AnnotatorAnswer> answers, double total, ConsensusSettings settings, Similarity similarity) {
            double support = annotators.stream().mapToDouble(i -> answers.get(i).weight()).sum() / total;
            List<String> names = new ArrayList<>();
            double[] sims = new double[members.size()];
            for (int m = 0; m < members.size(); m++) {
                names.add(answers.get(annotators.get(m)).annotator());
                sims[m] = similarity.of(members.get(m), fused);
            }
            return MergedItem.of(fused, names, sims, answers.size(), support, true, settings);
        }
    }
}
