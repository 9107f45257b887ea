package dev.annota.eval.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.PolygonAnnotation;
import dev.annota.core.annotation.RotatedBoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.Point;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import dev.annota.core.geometry.RotatedBox;
import dev.annota.core.schema.LabelId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consensus of each annotation kind, on small cases whose answer is worked out by hand. */
class ConsensusKindsTest {
    static final ImageSize SIZE = new ImageSize(20, 10);
    static final LabelId ONE = new LabelId(1);

    @Test
    void masks_are_merged_by_pixel_majority() {
        boolean[] a = new boolean[200], b = new boolean[200], c = new boolean[200];
        for (int p = 0; p < 100; p++) {
            a[p] = true;
            b[p] = p >= 20;
            c[p] = p < 80 || p >= 150;
        }
        ImageConsensus merged = merge(mask(a), mask(b), mask(c));
        boolean[] out = ((MaskAnnotation) merged.annotations().get(0)).mask().toBitmap();
        for (int p = 0; p < 200; p++) {
            int votes = (a[p] ? 1 : 0) + (b[p] ? 1 : 0) + (c[p] ? 1 : 0);
            assertEquals(votes >= 2, out[p], "pixel " + p);
        }
        assertEquals(3, merged.items().get(0).count());
    }

    @Test
    void polygons_are_merged_into_the_member_closest_to_the_pixel_majority() {
        PolygonAnnotation small = square(2, 2, 6, 6), close = square(2, 2, 7, 7), low = square(2, 3, 7, 7);
        ImageConsensus merged = merge(small, close, low);
        assertEquals(1, merged.annotations().size(), "one object");
        assertEquals(close.polygon(), ((PolygonAnnotation) merged.annotations().get(0)).polygon());
    }

    @Test
    void keypoints_are_averaged_over_the_annotators_who_placed_them() {
        ImageConsensus merged = merge(keypoints(100, 40, true), keypoints(102, 42, false), keypoints(101, 41, false));
        Keypoints k = ((KeypointsAnnotation) merged.annotations().get(0)).keypoints();
        assertEquals(new Point(101, 41), k.points().get(0).position());
        assertFalse(k.points().get(1).visibility().isLabelled(), "a point only one of three placed is left out");
    }

    @Test
    void rotated_box_angles_are_averaged_across_the_wrap_around() {
        ImageConsensus merged = merge(rotated(179), rotated(1), rotated(0));
        double angle = ((RotatedBoxAnnotation) merged.annotations().get(0)).box().angleDegrees();
        assertEquals(0, angle, 1e-9);
    }

    @Test
    void a_heavier_annotator_breaks_a_tie_between_tags() {
        List<AnnotatorAnswer> answers = List.of(new AnnotatorAnswer("a", 1, List.of(Tag.of(ONE))),
                new AnnotatorAnswer("b", 2, List.of(Tag.of(new LabelId(2)))), new AnnotatorAnswer("c", 1, List.of()));
        ImageConsensus merged = Consensus.merge(answers, ConsensusSettings.defaults(), SIZE);
        assertTrue(merged.annotations().isEmpty(), "2 of 4 weight is no strict majority");
        ImageConsensus loose = Consensus.merge(answers, new ConsensusSettings(0.5, 0.4, 0.5,
                ConsensusSettings.Matching.GREEDY), SIZE);
        assertEquals(List.of(new LabelId(2)), loose.annotations().stream().map(Annotation::label).toList());
        assertEquals(List.of(ONE), loose.disagreements().stream().map(i -> i.annotation().label()).toList(),
                "the tag of a quarter of the weight is a disagreement, the one of half is not");
    }

    @Test
    void two_annotators_with_different_tags_disagree_on_both_and_agree_on_nothing() {
        ImageConsensus merged = Consensus.merge(List.of(AnnotatorAnswer.of("a", List.of(Tag.of(ONE))),
                AnnotatorAnswer.of("b", List.of(Tag.of(new LabelId(2))))), ConsensusSettings.defaults(), SIZE);
        assertTrue(merged.annotations().isEmpty(), "a tie has no winner");
        assertEquals(2, merged.disagreements().size(), "both tags are disputed");
        assertEquals(0.5, merged.agreement(), 1e-12);
    }

    @Test
    void an_image_nobody_annotated_agrees_fully() {
        ImageConsensus merged = Consensus.merge(List.of(AnnotatorAnswer.of("a", List.of()),
                AnnotatorAnswer.of("b", List.of())), ConsensusSettings.defaults(), SIZE);
        assertEquals(1, merged.agreement());
        assertTrue(merged.annotators().get("a").agreement().isEmpty());
    }

    @Test
    void refuses_thresholds_outside_the_unit_interval_naming_the_field() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new ConsensusSettings(1.5, 0.5, 0.5, ConsensusSettings.Matching.HUNGARIAN));
        assertEquals("iou_threshold", e.errors().get(0).field());
        assertThrows(ValidationException.class, () -> Consensus.merge(List.of(AnnotatorAnswer.of("a", List.of()),
                AnnotatorAnswer.of("a", List.of())), ConsensusSettings.defaults(), SIZE));
    }

    private static ImageConsensus merge(Annotation... perAnnotator) {
        List<AnnotatorAnswer> answers = new java.util.ArrayList<>();
        for (int i = 0; i < perAnnotator.length; i++) {
            answers.add(AnnotatorAnswer.of("a" + i, List.of(perAnnotator[i])));
        }
        return Consensus.merge(answers, ConsensusSettings.defaults(), SIZE);
    }

    private static MaskAnnotation mask(boolean[] bits) {
        return MaskAnnotation.of(ONE, Rle.fromBitmap(bits, 10, 20));
    }

    private static PolygonAnnotation square(double x, double y, double w, double h) {
        return PolygonAnnotation.of(ONE, Polygon.of(List.of(new Point(x, y), new Point(x + w, y),
                new Point(x + w, y + h), new Point(x, y + h))));
    }

    private static KeypointsAnnotation keypoints(double x, double y, boolean second) {
        return KeypointsAnnotation.of(ONE, new Keypoints(List.of(Keypoint.visible(x, y),
                second ? Keypoint.visible(x + 30, y + 30) : Keypoint.absent(), Keypoint.visible(x + 50, y))));
    }

    private static RotatedBoxAnnotation rotated(double angle) {
        return RotatedBoxAnnotation.of(ONE, new RotatedBox(10, 5, 6, 3, angle));
    }
}
