package dev.annota.bench;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelId;
import dev.annota.eval.agreement.Region;
import dev.annota.eval.agreement.Shape;
import dev.annota.eval.agreement.ShapeAgreement;
import dev.annota.eval.consensus.AnnotatorAnswer;
import dev.annota.eval.consensus.Consensus;
import dev.annota.eval.consensus.ConsensusSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Consensus of 3 annotators × 10 jittered boxes (3 classes) and a tag per image, 500 images: {@link Consensus#merge}
 * (IoU clustering with Hungarian matching and weighted box fusion) against the pairwise {@link ShapeAgreement}
 * comparison of the same answers (what measuring agreement alone costs), measured in the same run. The unit is one
 * pass over the 500 images.
 */
final class ConsensusBench {
    static final ImageSize IMAGE = new ImageSize(640, 480);
    private static final int IMAGES = 500, ANNOTATORS = 3, BOXES = 10;

    private ConsensusBench() {
    }

    static BenchResult consensus() {
        List<List<AnnotatorAnswer>> images = images(new SplittableRandom(9));
        List<List<List<Shape>>> shapes = images.stream().map(ConsensusBench::shapes).toList();
        ConsensusSettings settings = ConsensusSettings.defaults();
        double ours = Timer.secondsPerCall(() -> {
            long merged = 0;
            for (List<AnnotatorAnswer> answers : images) {
                merged += Consensus.merge(answers, settings, IMAGE).annotations().size();
            }
            return merged;
        }, 5, 11);
        double baseline = Timer.secondsPerCall(() -> {
            long matched = 0;
            for (List<List<Shape>> perAnnotator : shapes) {
                for (int a = 0; a < perAnnotator.size(); a++) {
                    for (int b = a + 1; b < perAnnotator.size(); b++) {
                        matched += ShapeAgreement.compare(perAnnotator.get(a), perAnnotator.get(b),
                                ShapeAgreement.Matching.HUNGARIAN, 0.5).matched();
                    }
                }
            }
            return matched;
        }, 5, 11);
        return new BenchResult("consensus", IMAGES + " images x " + ANNOTATORS + " annotators x " + BOXES + " boxes",
                "pairwise ShapeAgreement (Hungarian) of the same answers", ours, baseline,
                Map.of("images_per_second", IMAGES / ours));
    }

    private static List<List<AnnotatorAnswer>> images(SplittableRandom random) {
        List<List<AnnotatorAnswer>> out = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            List<PixelBox> truth = new ArrayList<>();
            for (int b = 0; b < BOXES; b++) {
                truth.add(new PixelBox(random.nextDouble(560), random.nextDouble(400), 20 + random.nextDouble(60),
                        20 + random.nextDouble(60)));
            }
            List<AnnotatorAnswer> answers = new ArrayList<>();
            for (int a = 0; a < ANNOTATORS; a++) {
                List<Annotation> mine = new ArrayList<>();
                mine.add(Tag.of(new LabelId(1 + random.nextInt(3))));
                for (int b = 0; b < BOXES; b++) {
                    PixelBox t = truth.get(b);
                    mine.add(BoxAnnotation.of(new LabelId(1 + b % 3), new PixelBox(t.x() + random.nextDouble(-3, 3),
                            t.y() + random.nextDouble(-3, 3), t.width(), t.height())));
                }
                answers.add(AnnotatorAnswer.of("a" + a, mine));
            }
            out.add(answers);
        }
        return out;
    }

    private static List<List<Shape>> shapes(List<AnnotatorAnswer> answers) {
        return answers.stream().map(a -> a.annotations().stream().filter(x -> x instanceof BoxAnnotation)
                .map(x -> new Shape("img", String.valueOf(x.label().value()), new Region.Box(((BoxAnnotation) x).box())))
                .toList()).toList();
    }
}
