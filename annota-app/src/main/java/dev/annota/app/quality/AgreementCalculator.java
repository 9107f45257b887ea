package dev.annota.app.quality;

import dev.annota.app.quality.AgreementReport.AnnotatorAgreement;
import dev.annota.app.quality.AgreementReport.ClassAgreement;
import dev.annota.app.quality.AgreementReport.Disagreement;
import dev.annota.app.quality.AgreementReport.PairAgreement;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.eval.agreement.Shape;
import dev.annota.eval.agreement.ShapeAgreement;
import dev.annota.eval.consensus.AnnotatorScore;
import dev.annota.eval.consensus.Consensus;
import dev.annota.eval.consensus.ConsensusSettings;
import dev.annota.eval.consensus.ImageConsensus;
import dev.annota.eval.consensus.MergedItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/** Computes the full {@link AgreementReport} of a project from its finished answers (no access checks). */
final class AgreementCalculator {
    /** The most disputed images a report lists. */
    static final int MAX_DISAGREEMENTS = 200;

    private AgreementCalculator() {
    }

    /** A running sum and count. */
    private static final class Mean {
        double sum;
        int n;

        void add(double v, int count) {
            sum += v;
            n += count;
        }

        OptionalDouble value() {
            return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
        }
    }

    static AgreementReport compute(String projectId, LabelSchema schema, List<ImageAnswers> images,
                                   ConsensusSettings settings) {
        Map<String, String> names = new LinkedHashMap<>();
        images.forEach(i -> i.answers().forEach(a -> names.putIfAbsent(a.userId(), a.job().username())));
        List<String> raters = new ArrayList<>(names.keySet());
        TagRatings tags = new TagRatings(images, raters);
        Map<String, Mean> pairIou = new TreeMap<>(), userIou = new TreeMap<>(), userConsensus = new TreeMap<>();
        Map<String, Mean> userGold = new TreeMap<>();
        Map<String, Integer> pairImages = new TreeMap<>(), userImages = new TreeMap<>();
        Map<Integer, Mean> classIou = new TreeMap<>(), classConsensus = new TreeMap<>();
        Map<Integer, Integer> classObjects = new TreeMap<>();
        Mean allIou = new Mean(), allConsensus = new Mean(), allGold = new Mean();
        List<Disagreement> disputed = new ArrayList<>();
        int overlapping = 0, goldImages = 0, jobs = 0;
        for (ImageAnswers image : images) {
            jobs += image.answers().size();
            image.gold().ifPresent(known -> image.answers().forEach(a -> {
                double s = GoldScore.of(a.annotations(), known, image.size(), settings.iouThreshold());
                userGold.computeIfAbsent(a.userId(), k -> new Mean()).add(s, 1);
                allGold.add(s, 1);
            }));
            goldImages += image.gold().isPresent() ? 1 : 0;
            if (!image.overlapping()) {
                continue;
            }
            overlapping++;
            List<List<Shape>> shapes = image.answers().stream()
                    .map(a -> Regions.shapes(image.imageId(), a.annotations(), image.size())).toList();
            shapes.forEach(list -> list.forEach(s -> classObjects.merge(Regions.label(s), 1, Integer::sum)));
            for (int x = 0; x < shapes.size(); x++) {
                userImages.merge(image.answers().get(x).userId(), 1, Integer::sum);
                for (int y = x + 1; y < shapes.size(); y++) {
                    String a = image.answers().get(x).userId(), b = image.answers().get(y).userId();
                    String pair = pairKey(raters, a, b);
                    pairImages.merge(pair, 1, Integer::sum);
                    ShapeAgreement.Result r = ShapeAgreement.compare(shapes.get(x), shapes.get(y),
                            ShapeAgreement.Matching.HUNGARIAN, settings.iouThreshold());
                    for (ShapeAgreement.Pair p : r.pairs()) {
                        classIou.computeIfAbsent(Regions.label(shapes.get(x).get(p.indexA())), k -> new Mean()).add(p.iou(), 1);
                        pairIou.computeIfAbsent(pair, k -> new Mean()).add(p.iou(), 1);
                        userIou.computeIfAbsent(a, k -> new Mean()).add(p.iou(), 1);
                        userIou.computeIfAbsent(b, k -> new Mean()).add(p.iou(), 1);
                        allIou.add(p.iou(), 1);
                    }
                }
            }
            ImageConsensus c = Consensus.merge(image.consensusInput(Map.of()), settings, image.size());
            for (MergedItem item : c.items()) {
                classConsensus.computeIfAbsent(item.annotation().label().value(), k -> new Mean()).add(item.agreement(), 1);
                allConsensus.add(item.agreement(), 1);
            }
            for (AnnotatorScore s : c.annotators().values()) {
                userConsensus.computeIfAbsent(s.annotator(), k -> new Mean()).add(s.score(), s.opportunities());
            }
            if (!c.disagreements().isEmpty()) {
                disputed.add(new Disagreement(image.imageId(), image.fileName(), image.answers().size(), c.agreement(),
                        c.disagreements().size()));
            }
        }
        Map.Entry<Integer, OptionalDouble> fleiss = tags.fleiss();
        List<PairAgreement> pairs = new ArrayList<>();
        Map<String, Mean> userKappa = new TreeMap<>();
        for (int x = 0; x < raters.size(); x++) {
            for (int y = x + 1; y < raters.size(); y++) {
                String pair = pairKey(raters, raters.get(x), raters.get(y));
                if (!pairImages.containsKey(pair)) {
                    continue;
                }
                Map.Entry<Integer, OptionalDouble> k = tags.cohen(raters.get(x), raters.get(y));
                k.getValue().ifPresent(v -> {
                    userKappa.computeIfAbsent(pair.substring(0, pair.indexOf('\n')), u -> new Mean()).add(v, 1);
                    userKappa.computeIfAbsent(pair.substring(pair.indexOf('\n') + 1), u -> new Mean()).add(v, 1);
                });
                Mean iou = pairIou.getOrDefault(pair, new Mean());
                pairs.add(new PairAgreement(raters.get(x), raters.get(y), pairImages.get(pair), k.getKey(), k.getValue(),
                        iou.n, iou.value()));
            }
        }
        List<ClassAgreement> classes = new ArrayList<>();
        for (LabelClass cls : schema.classes()) {
            int id = cls.id().value();
            Mean iou = classIou.getOrDefault(id, new Mean());
            classes.add(new ClassAgreement(id, cls.name(), tags.classAlpha(id), classObjects.getOrDefault(id, 0), iou.n,
                    iou.value(), classConsensus.getOrDefault(id, new Mean()).value()));
        }
        List<AnnotatorAgreement> annotators = new ArrayList<>();
        for (String u : raters) {
            Mean gold = userGold.getOrDefault(u, new Mean());
            annotators.add(new AnnotatorAgreement(u, names.get(u), userImages.getOrDefault(u, 0),
                    userConsensus.getOrDefault(u, new Mean()).value(), userIou.getOrDefault(u, new Mean()).value(),
                    userKappa.getOrDefault(u, new Mean()).value(), gold.n, gold.value()));
        }
        disputed.sort(Comparator.comparingDouble(Disagreement::agreement).thenComparing(Disagreement::imageId));
        AgreementReport.Overview overview = new AgreementReport.Overview(overlapping, jobs, goldImages, fleiss.getValue(),
                fleiss.getKey(), tags.alpha(), allIou.value(), allConsensus.value(), disputed.size(), allGold.value());
        return new AgreementReport(projectId, overview, classes, annotators, pairs,
                disputed.subList(0, Math.min(MAX_DISAGREEMENTS, disputed.size())), false);
    }

    private static String pairKey(List<String> raters, String a, String b) {
        return raters.indexOf(a) < raters.indexOf(b) ? a + '\n' + b : b + '\n' + a;
    }
}
