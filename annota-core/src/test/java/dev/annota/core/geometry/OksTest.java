package dev.annota.core.geometry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OksTest {
    private static final double[] SIGMAS = Oks.cocoPersonSigmas();

    private static Keypoints all(double x, double y, Visibility v) {
        double[] flat = new double[17 * 3];
        for (int i = 0; i < 17; i++) {
            flat[3 * i] = x + i;
            flat[3 * i + 1] = y + 2 * i;
            flat[3 * i + 2] = v.code();
        }
        return Keypoints.fromFlat(flat);
    }

    @Test
    void has_the_17_coco_person_sigmas() {
        assertEquals(17, SIGMAS.length);
        assertEquals(.26 / 10.0, SIGMAS[0]);
        assertEquals(1.07 / 10.0, SIGMAS[11]);
        assertEquals(2.220446049250313e-16, Oks.EPS);
    }

    @Test
    void scores_one_for_a_perfect_detection() {
        Keypoints gt = all(10, 20, Visibility.VISIBLE);
        assertEquals(1.0, Oks.compute(gt, 500, new PixelBox(0, 0, 30, 60), gt, SIGMAS));
    }

    @Test
    void counts_only_the_keypoints_the_ground_truth_labelled() {
        double[] g = all(10, 20, Visibility.VISIBLE).toFlat();
        double[] d = g.clone();
        g[2] = 0; // keypoint 0 not labelled: its error must not count
        d[0] += 50;
        d[3] += 1; // keypoint 1 off by one pixel
        double e = 1.0 / ((SIGMAS[1] * 2) * (SIGMAS[1] * 2)) / (400 + Oks.EPS) / 2;
        double expected = (Math.exp(-e) + 15) / 16;
        assertEquals(expected, Oks.compute(Keypoints.fromFlat(g), 400, new PixelBox(0, 0, 1, 1),
                Keypoints.fromFlat(d), SIGMAS), 1e-15);
    }

    @Test
    void measures_to_a_box_twice_the_size_when_nothing_is_labelled() {
        Keypoints gt = all(0, 0, Visibility.ABSENT);
        PixelBox box = new PixelBox(100, 100, 10, 20); // the doubled box is [90, 120] x [80, 140]
        assertEquals(1.0, Oks.compute(gt, 200, box, inside(), SIGMAS));
        assertTrue(Oks.compute(gt, 200, box, all(0, 0, Visibility.VISIBLE), SIGMAS) < 1e-6);
    }

    private static Keypoints inside() {
        double[] flat = new double[51];
        for (int i = 0; i < 17; i++) {
            flat[3 * i] = 90 + i;     // x in [90, 106] within [90, 120]
            flat[3 * i + 1] = 80 + 3 * i; // y in [80, 128] within [80, 140]
        }
        return Keypoints.fromFlat(flat);
    }

    @Test
    void rejects_keypoint_counts_that_differ_from_the_sigmas() {
        Keypoints five = Keypoints.fromFlat(new double[15]);
        ValidationException e = assertThrows(ValidationException.class,
                () -> Oks.compute(five, 1, new PixelBox(0, 0, 1, 1), all(0, 0, Visibility.VISIBLE), SIGMAS));
        assertEquals("gt.keypoints", e.errors().get(0).field());
        assertThrows(ValidationException.class,
                () -> Oks.compute(all(0, 0, Visibility.VISIBLE), 1, new PixelBox(0, 0, 1, 1), five, SIGMAS));
    }

    @Test
    void sums_in_numpys_pairwise_order() {
        double[] a = new double[17];
        Arrays.fill(a, 0.1);
        a[0] = 1e16;
        a[8] = -1e16;
        double sequential = 0;
        for (double v : a) {
            sequential += v;
        }
        // numpy: eight lanes r[j] = a[j] + a[j+8], combined pairwise, then the 17th added
        double r = 0.1 + 0.1;
        double lanes = (((1e16 + -1e16) + r) + (r + r)) + ((r + r) + (r + r)) + 0.1;
        assertNotEquals(sequential, Oks.numpySum(a, 0, 17));
        assertEquals(lanes, Oks.numpySum(a, 0, 17));
    }

    /** A result's keypoints: its third numbers are scores, not visibility flags, and OKS ignores them. */
    private static Keypoints detected(double[] xys) {
        Keypoint[] points = new Keypoint[xys.length / 3];
        for (int i = 0; i < points.length; i++) {
            points[i] = Keypoint.visible(xys[3 * i], xys[3 * i + 1]);
        }
        return new Keypoints(Arrays.asList(points));
    }

    /**
     * Every detection against every ground truth of its image in the shared keypoints case, against numpy
     * (golden/oks_keypoints_person.json, made by golden/make_oks_golden.py in pycocotools' arithmetic).
     */
    @Test
    void reproduces_numpy_oks_for_every_pair_of_the_keypoints_case() throws IOException {
        JsonNode gts = SharedReference.json("cocoeval/cases/keypoints_person/gt.json").get("annotations");
        JsonNode dts = SharedReference.json("cocoeval/cases/keypoints_person/dt.json");
        JsonNode golden;
        try (InputStream in = OksTest.class.getResourceAsStream("/golden/oks_keypoints_person.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        int exact = 0, boxRule = 0;
        for (JsonNode pair : golden.get("pairs")) {
            JsonNode gt = gts.get(pair.get("gt").asInt());
            JsonNode dt = dts.get(pair.get("dt").asInt());
            Keypoints g = Keypoints.fromFlat(SharedReference.doubles(gt.get("keypoints")));
            double[] box = SharedReference.doubles(gt.get("bbox"));
            double oks = Oks.compute(g, gt.get("area").asDouble(), new PixelBox(box[0], box[1], box[2], box[3]),
                    detected(SharedReference.doubles(dt.get("keypoints"))), SIGMAS);
            double expected = pair.get("oks").asDouble();
            assertEquals(expected, oks, 4 * Math.ulp(Math.max(expected, 1e-300)) + 1e-300,
                    "gt " + gt.get("id") + " vs dt " + pair.get("dt"));
            exact += oks == expected ? 1 : 0;
            boxRule += g.labelledCount() == 0 ? 1 : 0;
        }
        assertEquals(100, golden.get("pairs").size());
        assertTrue(boxRule > 0, "the case should exercise ground truths with no labelled keypoint");
        assertTrue(exact >= 90, exact + " of 100 bit-exact");
    }
}
