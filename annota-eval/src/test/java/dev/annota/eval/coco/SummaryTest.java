package dev.annota.eval.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SummaryTest {
    @Test
    void numbers_round_like_python_format_the_exact_binary_value_half_to_even() {
        assertEquals("0.062", Summary.fixed(0.0625, 3));
        assertEquals("0.123", Summary.fixed(0.1235, 3)); // 0.1235 is 0.12349999... in binary
        assertEquals("-1.000", Summary.fixed(-1, 3));
        assertEquals("0.95", Summary.fixed(0.95, 2));
    }

    @Test
    void lines_have_the_pycocotools_layout() {
        Summary s = new Summary(CocoParams.defaults(IouType.BBOX), 1);
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.339",
                s.line(new Summary.Stat(true, Double.NaN, "all", 100), 0.3387786449344694));
        assertEquals(" Average Recall     (AR) @[ IoU=0.50      | area= small | maxDets=  1 ] = -1.000",
                s.line(new Summary.Stat(false, .5, "small", 1), -1));
    }

    @Test
    void default_thresholds_are_numpy_linspace_bit_for_bit() {
        double[] t = CocoParams.defaults(IouType.BBOX).iouThresholds();
        assertEquals(0.8999999999999999, t[8], 0);
        assertEquals(0.75, t[5], 0);
        double[] r = CocoParams.defaults(IouType.BBOX).recallThresholds();
        assertEquals(101, r.length);
        assertEquals(3 * 0.01, r[3], 0);
        assertEquals(1.0, r[100], 0);
    }

    @Test
    void the_mean_is_numpy_pairwise_sum_over_n() {
        double[] a = new double[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = 1.0 / (i + 1);
        }
        double naive = 0;
        for (double v : a) {
            naive += v;
        }
        assertEquals(naive / 300, NumpyMath.mean(a, 300), 1e-15);
    }
}
