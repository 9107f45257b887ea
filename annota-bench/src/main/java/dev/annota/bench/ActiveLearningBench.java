package dev.annota.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.annota.app.quality.FeatureDatasets;
import dev.annota.eval.active.ActiveLearning;
import dev.annota.eval.active.Strategy;
import dev.annota.formats.idx.FashionMnist;
import dev.annota.train.HeldOut;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.Training;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.Split;
import dev.annota.train.loop.EpochListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * {@code active-learning}: Fashion-MNIST, a pool of P training images ({@code -Dannota.bench.al.pool}, default 3,000)
 * and T test images ({@code -Dannota.bench.al.test}, default 3,000). From the same 100 random labelled images, each strategy adds 100 images per round for 10 rounds; after
 * each round a linear softmax head on the raw pixels (annota-train's head mode on given features, seeded) is
 * retrained and its test accuracy recorded. Writes {@code curves.json} and {@code curves.png} (test accuracy vs
 * labels) to {@code -Dannota.bench.out} (default target/active-learning). Ours = seconds per round of the best
 * strategy, baseline = random sampling's; the details hold every curve and each strategy's mean gain over random.
 */
final class ActiveLearningBench {
    static final int START = 100;
    static final int STEP = 100;
    static final int ROUNDS = 10;
    static final int EPOCHS = Integer.getInteger("annota.bench.al.epochs", 15);
    static final List<Strategy> STRATEGIES = List.of(Strategy.RANDOM, Strategy.LEAST_CONFIDENCE, Strategy.MARGIN, Strategy.ENTROPY,
            Strategy.KCENTER, Strategy.ENTROPY_KCENTER);

    private ActiveLearningBench() {
    }

    static BenchResult run() {
        int poolSize = Integer.getInteger("annota.bench.al.pool", 3000);
        int testSize = Integer.getInteger("annota.bench.al.test", 3000);
        Path out = Path.of(System.getProperty("annota.bench.out", "target/active-learning"));
        try {
            FashionMnist fm = FashionMnist.read(FashionMnist.DEBIAN_FOLDER);
            int n = poolSize + testSize;
            float[][] x = new float[n][];
            int[] y = new int[n];
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean pool = i < poolSize;
                int j = pool ? i : i - poolSize;
                x[i] = pool ? fm.trainImages().scaled(j) : fm.testImages().scaled(j);
                y[i] = pool ? fm.trainLabels()[j] : fm.testLabels()[j];
                ids.add((pool ? "train/" : "test/") + j);
            }
            Dataset d = FeatureDatasets.singleLabel("fashion-mnist", FashionMnist.CLASSES, ids, y);
            int[] test = IntStream.range(poolSize, n).toArray();
            int[] start = ActiveLearning.select(Strategy.RANDOM, poolSize, new double[0][], new float[0][], new float[0][], START, 42);
            Map<String, List<double[]>> curves = new LinkedHashMap<>();
            Map<String, Double> secondsPerRound = new LinkedHashMap<>();
            for (Strategy s : STRATEGIES) {
                long t0 = System.nanoTime();
                curves.put(s.id(), curve(s, d, x, y, poolSize, test, start));
                secondsPerRound.put(s.id(), (System.nanoTime() - t0) / 1e9 / (ROUNDS + 1));
                System.err.printf("active-learning %s: %s%n", s.id(), curves.get(s.id()).stream().map(p -> String.format("%d:%.4f", (int) p[0], p[1])).toList());
            }
            Map<String, Double> gain = new LinkedHashMap<>();
            List<double[]> random = curves.get(Strategy.RANDOM.id());
            String best = Strategy.RANDOM.id();
            for (Map.Entry<String, List<double[]>> e : curves.entrySet()) {
                double g = 0;
                for (int r = 1; r <= ROUNDS; r++) {
                    g += (e.getValue().get(r)[1] - random.get(r)[1]) / ROUNDS;
                }
                gain.put(e.getKey(), g);
                if (g > gain.get(best)) {
                    best = e.getKey();
                }
            }
            Files.createDirectories(out);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("dataset", "fashion-mnist");
            doc.put("pool", poolSize);
            doc.put("test", testSize);
            doc.put("model", "linear softmax head on raw pixels (annota-train head mode), " + EPOCHS + " epochs, batch 32, seed 1");
            doc.put("curves", curves);
            doc.put("mean_gain_over_random", gain);
            doc.put("best", best);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("curves.json").toFile(), doc);
            CurvePlot.write(curves, "labelled images", "test accuracy", out.resolve("curves.png"));
            Map<String, Object> details = new LinkedHashMap<>(doc);
            details.put("seconds_per_round", secondsPerRound);
            details.put("files", List.of(out.resolve("curves.json").toAbsolutePath().toString(), out.resolve("curves.png").toAbsolutePath().toString()));
            return new BenchResult("active-learning", "seconds per round", "random sampling", secondsPerRound.get(best),
                    secondsPerRound.get(Strategy.RANDOM.id()), details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** (labels, test accuracy) after each round, the first point being the start set. */
    private static List<double[]> curve(Strategy s, Dataset d, float[][] x, int[] y, int poolSize, int[] test, int[] start) throws IOException {
        boolean[] labelled = new boolean[poolSize];
        for (int i : start) {
            labelled[i] = true;
        }
        TrainConfig config = TrainConfig.defaults(TrainMode.HEAD).withEpochs(EPOCHS).withPatience(0).withBatchSize(32)
                .withLearningRate(0.01).withSeed(1);
        List<double[]> points = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            int[] train = IntStream.range(0, poolSize).filter(i -> labelled[i]).toArray();
            int[] unlabelled = IntStream.range(0, poolSize).filter(i -> !labelled[i]).toArray();
            int[] predict = IntStream.concat(Arrays.stream(unlabelled), Arrays.stream(test)).toArray();
            HeldOut h = Training.heldOut(config, d, new Split(train, train, predict), Optional.of(x), EpochListener.NONE);
            double[][] p = h.probabilities();
            int right = 0;
            for (int k = unlabelled.length; k < predict.length; k++) {
                right += argmax(p[k]) == y[predict[k]] ? 1 : 0;
            }
            points.add(new double[] {train.length, right / (double) test.length});
            System.err.printf("  %s round %d: %d labels, test accuracy %.4f%n", s.id(), round, train.length, right / (double) test.length);
            if (round == ROUNDS) {
                break;
            }
            double[][] pool = Arrays.copyOf(p, unlabelled.length);
            float[][] vectors = s.needsVectors() ? Arrays.stream(unlabelled).mapToObj(i -> x[i]).toArray(float[][]::new) : new float[0][];
            float[][] known = s.needsVectors() ? Arrays.stream(train).mapToObj(i -> x[i]).toArray(float[][]::new) : new float[0][];
            for (int pick : ActiveLearning.select(s, unlabelled.length, pool, vectors, known, STEP, 1000L + round)) {
                labelled[unlabelled[pick]] = true;
            }
        }
        return points;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
