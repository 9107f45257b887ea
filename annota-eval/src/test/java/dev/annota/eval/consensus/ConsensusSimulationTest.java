package dev.annota.eval.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Iou;
import dev.annota.eval.consensus.NoisyAnnotators.Noise;
import dev.annota.eval.consensus.NoisyAnnotators.Scene;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Consensus of simulated annotators whose noise is known (seeded): see {@link NoisyAnnotators}. */
class ConsensusSimulationTest {
    static final ImageSize SIZE = new ImageSize(NoisyAnnotators.WIDTH, NoisyAnnotators.HEIGHT);

    @Test
    void fused_boxes_are_closer_to_the_truth_than_each_annotator() {
        Random random = new Random(7);
        List<Noise> noises = List.of(new Noise(6, 0, 0, 0), new Noise(6, 0, 0, 0), new Noise(6, 0, 0, 0));
        double[] annotatorIou = new double[3];
        double fusedIou = 0;
        int objects = 0;
        for (Scene scene : NoisyAnnotators.scenes(random, 300)) {
            List<AnnotatorAnswer> answers = answers(random, scene, noises);
            ImageConsensus c = Consensus.merge(answers, ConsensusSettings.defaults(), SIZE);
            for (BoxAnnotation truth : scene.boxes()) {
                fusedIou += bestIou(truth, c.annotations());
                for (int a = 0; a < 3; a++) {
                    annotatorIou[a] += bestIou(truth, answers.get(a).annotations());
                }
                objects++;
            }
        }
        for (int a = 0; a < 3; a++) {
            assertTrue(fusedIou / objects > annotatorIou[a] / objects + 0.01, "fused mean IoU with the truth "
                    + fusedIou / objects + " vs annotator " + a + ": " + annotatorIou[a] / objects);
        }
    }

    @Test
    void the_tag_majority_recovers_the_truth_at_the_rate_three_voters_predict() {
        Random random = new Random(11);
        double p = 0.2;
        List<Noise> noises = List.of(new Noise(0, 0, 0, p), new Noise(0, 0, 0, p), new Noise(0, 0, 0, p));
        int n = 2000, right = 0, individuallyRight = 0;
        for (Scene scene : NoisyAnnotators.scenes(random, n)) {
            List<AnnotatorAnswer> answers = answers(random, scene, noises);
            ImageConsensus c = Consensus.merge(answers, ConsensusSettings.defaults(), SIZE);
            Optional<Annotation> tag = c.annotations().stream().filter(x -> x instanceof Tag).findFirst();
            right += tag.map(t -> t.label().equals(scene.tag())).orElse(false) ? 1 : 0;
            individuallyRight += answers.get(0).annotations().get(0).label().equals(scene.tag()) ? 1 : 0;
        }
        // at least two of three right: (1-p)^3 + 3 (1-p)^2 p; the binomial standard deviation at n = 2000 is 0.007
        double expected = Math.pow(1 - p, 3) + 3 * Math.pow(1 - p, 2) * p;
        assertEquals(expected, (double) right / n, 0.03, "share of images whose consensus tag is the true one");
        assertTrue(right > individuallyRight, right + " right by majority vs " + individuallyRight + " by one annotator");
    }

    @Test
    void objects_a_minority_missed_are_kept_and_objects_a_minority_invented_are_left_out() {
        Random random = new Random(5);
        List<Noise> noises = List.of(new Noise(3, 0.1, 0.2, 0), new Noise(3, 0.1, 0.2, 0), new Noise(3, 0.1, 0.2, 0));
        int truths = 0, found = 0, accepted = 0, invented = 0, disputedExtras = 0, extras = 0;
        for (Scene scene : NoisyAnnotators.scenes(random, 400)) {
            ImageConsensus c = Consensus.merge(answers(random, scene, noises), ConsensusSettings.defaults(), SIZE);
            List<Annotation> boxes = c.annotations().stream().filter(x -> x instanceof BoxAnnotation).toList();
            for (BoxAnnotation truth : scene.boxes()) {
                truths++;
                found += bestIou(truth, boxes) >= 0.5 ? 1 : 0;
            }
            for (Annotation box : boxes) {
                accepted++;
                invented += bestIou((BoxAnnotation) box, new ArrayList<>(scene.boxes())) < 0.5 ? 1 : 0;
            }
            for (MergedItem item : c.items()) {
                if (item.annotation() instanceof BoxAnnotation b && bestIou(b, new ArrayList<>(scene.boxes())) < 0.5) {
                    extras++;
                    disputedExtras += item.disputed() ? 1 : 0;
                }
            }
        }
        // found by at least two of three: 0.9^3 + 3 * 0.9^2 * 0.1 = 0.972
        assertTrue((double) found / truths > 0.95, found + " of " + truths + " true objects in the consensus");
        assertTrue((double) invented / accepted < 0.01, invented + " of " + accepted + " consensus boxes are inventions");
        assertTrue(extras > 50, "the simulation should invent objects: " + extras);
        assertEquals(extras, disputedExtras, "every invented object is a disagreement");
    }

    @Test
    void noisier_annotators_agree_less_with_the_consensus() {
        Random random = new Random(3);
        List<Noise> noises = List.of(new Noise(2, 0.02, 0.02, 0.05), new Noise(5, 0.08, 0.08, 0.15),
                new Noise(10, 0.2, 0.2, 0.3), new Noise(2, 0.02, 0.02, 0.05), new Noise(4, 0.05, 0.05, 0.1));
        AnnotatorScore[] totals = new AnnotatorScore[noises.size()];
        for (Scene scene : NoisyAnnotators.scenes(random, 300)) {
            ImageConsensus c = Consensus.merge(answers(random, scene, noises), ConsensusSettings.defaults(), SIZE);
            for (int a = 0; a < noises.size(); a++) {
                AnnotatorScore s = c.annotators().get("a" + a);
                totals[a] = totals[a] == null ? s : totals[a].plus(s);
            }
        }
        double best = totals[0].agreement().orElseThrow(), middle = totals[1].agreement().orElseThrow();
        double worst = totals[2].agreement().orElseThrow();
        assertTrue(best > middle && middle > worst, "agreement with the consensus: " + best + " > " + middle + " > " + worst);
    }

    static List<AnnotatorAnswer> answers(Random random, Scene scene, List<Noise> noises) {
        List<AnnotatorAnswer> out = new ArrayList<>();
        for (int a = 0; a < noises.size(); a++) {
            out.add(AnnotatorAnswer.of("a" + a, NoisyAnnotators.annotate(random, scene, noises.get(a))));
        }
        return out;
    }

    static double bestIou(BoxAnnotation truth, List<Annotation> answer) {
        double best = 0;
        for (Annotation a : answer) {
            if (a instanceof BoxAnnotation b && b.label().equals(truth.label())) {
                best = Math.max(best, Iou.boxes(b.box(), truth.box()));
            }
        }
        return best;
    }
}
