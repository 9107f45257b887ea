package dev.annota.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.train.data.Dataset;
import dev.annota.train.data.LabelSet;
import dev.annota.train.data.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** k-fold cross-validation in head mode on given vectors: three Gaussian blobs in 8 dimensions. */
class CrossValidationTest {
    static final int N = 90;

    private static Dataset blobs(float[][] x, boolean multi) {
        Random rnd = new Random(4);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            int c = i % 3;
            x[i] = new float[8];
            for (int k = 0; k < 8; k++) {
                x[i][k] = (float) (rnd.nextGaussian() + (k == c ? 3 : 0));
            }
            int[] labels = multi && c == 2 ? new int[] {1, 2} : new int[] {c};
            samples.add(new Sample("s" + i, Path.of("s" + i), labels));
        }
        return new Dataset("blobs", new LabelSet(List.of("a", "b", "c")), samples, multi);
    }

    private static TrainConfig config() {
        return TrainConfig.defaults(TrainMode.HEAD).withEpochs(40).withPatience(0).withSeed(9).withBatchSize(16).withLearningRate(0.05);
    }

    @Test
    void every_sample_gets_one_out_of_fold_row_and_a_seed_repeats_the_run() throws IOException {
        float[][] x = new float[N][];
        Dataset d = blobs(x, false);
        List<Integer> folds = new ArrayList<>();
        CrossValidationResult r = CrossValidation.run(config(), d, 3, Optional.of(x), new CrossValidation.FoldListener() {
            @Override
            public void fold(int index, int of) {
                folds.add(index);
            }
        });
        assertEquals(List.of(0, 1, 2), folds);
        assertEquals(N, r.folds().stream().mapToInt(CrossValidationResult.Fold::heldOut).sum(), "each sample held out once");
        r.folds().forEach(f -> assertEquals(N, f.trained() + f.validated() + f.heldOut()));
        double[][] p = r.probabilities();
        for (double[] row : p) {
            assertEquals(1, Arrays.stream(row).sum(), 1e-4);
        }
        assertTrue(r.pooled().get("accuracy") > 0.8, "well separated blobs: " + r.folds());
        assertEquals(r.folds().stream().mapToDouble(f -> f.metrics().get("accuracy")).average().orElseThrow(), r.mean().get("accuracy"), 1e-12);
        double[][] again = CrossValidation.run(config(), d, 3, Optional.of(x), new CrossValidation.FoldListener() {
        }).probabilities();
        for (int i = 0; i < N; i++) {
            assertArrayEquals(p[i], again[i], 1e-7, "sample " + i);
        }
    }

    @Test
    void multi_label_data_gets_per_label_scores() throws IOException {
        float[][] x = new float[N][];
        CrossValidationResult r = CrossValidation.run(config(), blobs(x, true), 3, Optional.of(x), new CrossValidation.FoldListener() {
        });
        assertEquals(3, r.probabilities()[0].length);
        assertTrue(r.pooled().containsKey("subset_accuracy") || !r.pooled().isEmpty(), r.pooled().toString());
    }
}
