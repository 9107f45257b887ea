package dev.annota.infer.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.annota.core.geometry.PixelBox;
import dev.annota.infer.Detection;
import dev.annota.infer.ModelLabel;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmsAndActivationsTest {
    static final ModelLabel CAR = new ModelLabel(2, "car");
    static final ModelLabel TRUCK = new ModelLabel(7, "truck");

    static Detection d(ModelLabel l, double score, double x, double y, double w, double h) {
        return new Detection(l, score, new PixelBox(x, y, w, h));
    }

    @Test
    void nms_drops_a_weaker_box_of_the_same_class_that_overlaps_too_much() {
        List<Detection> kept = Nms.classWise(List.of(d(CAR, 0.6, 1, 0, 10, 10), d(CAR, 0.9, 0, 0, 10, 10)), 0.45, 10);
        assertEquals(1, kept.size());
        assertEquals(0.9, kept.get(0).score());
    }

    @Test
    void nms_keeps_overlapping_boxes_of_different_classes() {
        List<Detection> kept = Nms.classWise(List.of(d(CAR, 0.9, 0, 0, 10, 10), d(TRUCK, 0.3, 0, 0, 10, 10)), 0.45, 10);
        assertEquals(2, kept.size());
    }

    @Test
    void nms_keeps_boxes_at_exactly_the_iou_limit_and_sorts_best_first() {
        // IoU of [0,10] and [5,15] (height 10) = 50 / 150 = 1/3
        List<Detection> kept = Nms.classWise(List.of(d(CAR, 0.5, 5, 0, 10, 10), d(CAR, 0.8, 0, 0, 10, 10)), 1 / 3.0, 10);
        assertEquals(List.of(0.8, 0.5), kept.stream().map(Detection::score).toList());
    }

    @Test
    void nms_stops_at_top_k() {
        List<Detection> kept = Nms.classWise(List.of(d(CAR, 0.5, 0, 0, 1, 1), d(CAR, 0.7, 5, 5, 1, 1), d(CAR, 0.6, 9, 9, 1, 1)), 0.5, 2);
        assertEquals(List.of(0.7, 0.6), kept.stream().map(Detection::score).toList());
    }

    @Test
    void softmax_sums_to_one_and_survives_huge_logits() {
        double[] p = Activations.softmax(new float[] {9, 1000, 1001, 1002}, 1, 3);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        assertEquals(Math.exp(2) / (1 + Math.E + Math.exp(2)), p[2], 1e-12);
    }

    @Test
    void sigmoid_is_symmetric_and_saturates_without_overflow() {
        assertEquals(0.5, Activations.sigmoid(0), 0);
        assertEquals(1 - Activations.sigmoid(3), Activations.sigmoid(-3), 1e-15);
        assertEquals(0, Activations.sigmoid(-1000), 1e-300);
        assertEquals(1, Activations.sigmoid(1000), 0);
    }
}
