package dev.annota.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.train.data.Dataset;
import dev.annota.train.data.LabelSet;
import dev.annota.train.data.Sample;
import dev.annota.train.data.Split;
import dev.annota.train.data.Splits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
    static Dataset single(int... perClass) {
        List<Sample> s = new ArrayList<>();
        for (int c = 0; c < perClass.length; c++) {
            for (int i = 0; i < perClass[c]; i++) {
                s.add(new Sample(c + "/" + i, Path.of(c + "_" + i), new int[] {c}));
            }
        }
        return new Dataset("test", new LabelSet(IntStream.range(0, perClass.length).mapToObj(i -> "c" + i).toList()), s, false);
    }

    @Test
    void a_stratified_split_gives_every_part_each_class_share() {
        Dataset d = single(100, 40, 20);
        Split s = Splits.trainValidationTest(d, 0.2, 0.1, 5);
        assertEquals(160, s.train().length + s.validation().length + s.test().length);
        int[] val = new int[3];
        int[] test = new int[3];
        Arrays.stream(s.validation()).forEach(i -> val[d.samples().get(i).firstLabel()]++);
        Arrays.stream(s.test()).forEach(i -> test[d.samples().get(i).firstLabel()]++);
        assertArrayEquals(new int[] {20, 8, 4}, val);
        assertArrayEquals(new int[] {10, 4, 2}, test);
        assertArrayEquals(s.train(), Splits.trainValidationTest(d, 0.2, 0.1, 5).train(), "same seed, same split");
    }

    @Test
    void iterative_stratification_spreads_each_label_over_the_parts() {
        List<Sample> s = new ArrayList<>();
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 300; i++) {
            List<Integer> l = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                if (r.nextDouble() < (k == 3 ? 0.05 : 0.4)) {
                    l.add(k);
                }
            }
            if (l.isEmpty()) {
                l.add(0);
            }
            s.add(new Sample("i" + i, Path.of("i" + i), l.stream().mapToInt(Integer::intValue).toArray()));
        }
        Dataset d = new Dataset("ml", new LabelSet(List.of("a", "b", "c", "rare")), s, true);
        Split split = Splits.trainValidationTest(d, 0.2, 0.2, 3);
        int[] counts = d.counts();
        for (int label = 0; label < 4; label++) {
            final int l = label;
            long inVal = Arrays.stream(split.validation()).filter(i -> d.samples().get(i).has(l)).count();
            assertTrue(Math.abs(inVal - 0.2 * counts[l]) <= 2, "label " + l + ": " + inVal + " of " + counts[l] + " in validation");
        }
        assertEquals(300, split.train().length + split.validation().length + split.test().length);
    }

    @Test
    void k_fold_validates_every_image_exactly_once() {
        Dataset d = single(23, 17);
        int[] seen = new int[d.size()];
        for (Split s : Splits.kFold(d, 5, 9)) {
            Arrays.stream(s.validation()).forEach(i -> seen[i]++);
            assertEquals(d.size(), s.train().length + s.validation().length);
        }
        assertTrue(Arrays.stream(seen).allMatch(v -> v == 1));
    }
}
