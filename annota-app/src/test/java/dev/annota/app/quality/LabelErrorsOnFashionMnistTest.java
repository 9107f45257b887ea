package dev.annota.app.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.formats.idx.FashionMnist;
import dev.annota.train.CrossValidation;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.data.Dataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of label-error detection: 5 % of 2,000 Fashion-MNIST training labels flipped at random
 * (seeded) to another class; 5-fold out-of-fold probabilities from a linear head on the raw pixels (annota-train's
 * head mode on given features); confident learning flags and ranks the suspects.
 */
class LabelErrorsOnFashionMnistTest {
    static final int N = 2000;

    @Test
    void finds_flipped_fashion_mnist_labels_with_precision_at_least_0_7_at_recall_0_5() throws IOException {
        Assumptions.assumeTrue(FashionMnist.presentIn(FashionMnist.DEBIAN_FOLDER), "Debian's dataset-fashion-mnist is not installed");
        FashionMnist fm = FashionMnist.read(FashionMnist.DEBIAN_FOLDER);
        Random rnd = new Random(2026);
        int[] labels = new int[N];
        Set<String> flipped = new HashSet<>();
        List<String> ids = new ArrayList<>();
        float[][] pixels = new float[N][];
        for (int i = 0; i < N; i++) {
            ids.add(String.format("train/%05d.png", i));
            labels[i] = fm.trainLabels()[i];
            pixels[i] = fm.trainImages().scaled(i);
        }
        for (int i : rnd.ints(0, N).distinct().limit(N / 20).toArray()) {
            labels[i] = (labels[i] + 1 + rnd.nextInt(9)) % 10;
            flipped.add(ids.get(i));
        }
        Dataset d = FeatureDatasets.singleLabel("fashion-mnist", FashionMnist.CLASSES, ids, labels);
        TrainConfig config = TrainConfig.defaults(TrainMode.HEAD).withEpochs(10).withPatience(3).withBatchSize(128).withLearningRate(0.01).withSeed(3);

        LabelErrorReport r = LabelErrorSearch.find(d, config, 5, Optional.of(pixels), "linear head on raw pixels",
                new CrossValidation.FoldListener() {
                });

        int found = 0;
        int prefix = 0;
        for (LabelErrorReport.LabelSuspect s : r.suspects()) {
            prefix++;
            found += flipped.contains(s.image()) ? 1 : 0;
            if (found * 2 >= flipped.size()) {
                break;
            }
        }
        assertTrue(found * 2 >= flipped.size(), "the flagged set reaches recall 0.5: " + found + " of " + flipped.size());
        double precisionAtHalf = found / (double) prefix;
        long flaggedRight = r.suspects().stream().filter(s -> flipped.contains(s.image())).count();
        System.out.printf("label errors: %d flagged, precision %.3f, recall %.3f; precision at recall 0.5: %.3f; estimated error rate %.3f; "
                        + "out-of-fold accuracy %.3f%n", r.suspects().size(), flaggedRight / (double) r.suspects().size(),
                flaggedRight / (double) flipped.size(), precisionAtHalf, r.estimatedErrorRate(), r.crossValidation().get("accuracy"));
        assertTrue(precisionAtHalf >= 0.7, "precision at recall 0.5: " + precisionAtHalf);
        r.suspects().forEach(s -> assertTrue(!s.given().equals(s.suggested()), s.toString()));
        assertTrue(r.estimatedErrorRate() > 0.02, "the calibrated joint sees the noise: " + r.estimatedErrorRate());
        assertEquals(FashionMnist.CLASSES, r.labels());
    }
}
