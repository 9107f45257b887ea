package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.loop.EpochListener;
import dev.annota.train.loop.EpochStats;
import dev.annota.train.loop.Examples;
import dev.annota.train.loop.Fit;
import dev.annota.train.net.Networks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code train-head}: head mode's training on 1,000 images × 1,000-dimensional features (synthetic, seeded: 10
 * classes, each a Gaussian around its own random centre), with head mode's defaults (linear head, 60 epochs at
 * most, batch 32, Adam 3e-3, early stopping) and 600/200 train/validation rows. Ours: standardisation plus
 * annota-train's {@link Fit} on DJL/PyTorch, cold (the first run in the JVM, loading PyTorch's natives) and warm;
 * baseline: the same head in a plain PyTorch script ({@code head_torch.py}, Debian's python3-torch, 2 threads, all 60
 * epochs). Target: under 10 s.
 */
final class TrainHeadBench {
    private static final int N = 1000;
    private static final int DIM = 1000;
    private static final int CLASSES = 10;
    private static final int TRAIN = 600;
    private static final int VALIDATION = 200;

    private TrainHeadBench() {
    }

    static BenchResult run() {
        SplittableRandom rnd = new SplittableRandom(11);
        float[][] centres = new float[CLASSES][DIM];
        for (float[] c : centres) {
            for (int d = 0; d < DIM; d++) {
                c[d] = (float) (rnd.nextGaussian() * 0.15);
            }
        }
        float[][] x = new float[N][DIM];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = i % CLASSES;
            for (int d = 0; d < DIM; d++) {
                x[i][d] = centres[y[i]][d] + (float) rnd.nextGaussian();
            }
        }
        TrainConfig c = TrainConfig.defaults(TrainMode.HEAD);
        Run cold = train(c, x, y);
        Run warm = train(c, x, y);
        try {
            Path dir = Files.createTempDirectory("annota-bench-head-");
            ByteBuffer f = ByteBuffer.allocate(N * DIM * 4).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer l = ByteBuffer.allocate(N * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < N; i++) {
                for (int d = 0; d < DIM; d++) {
                    f.putFloat(x[i][d]);
                }
                l.putInt(y[i]);
            }
            Files.write(dir.resolve("x.f32"), f.array());
            Files.write(dir.resolve("y.i32"), l.array());
            List<JsonNode> out = PythonScript.run("head_torch.py", List.of(dir.resolve("x.f32").toString(), dir.resolve("y.i32").toString(),
                    Integer.toString(TRAIN), Integer.toString(VALIDATION), Integer.toString(CLASSES), Integer.toString(c.epochs()), "1"), n -> { });
            JsonNode base = out.get(out.size() - 1);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("images", N);
            details.put("dimension", DIM);
            details.put("classes", CLASSES);
            details.put("cold_s", cold.seconds);
            details.put("warm_s", warm.seconds);
            details.put("epochs", cold.epochs);
            details.put("validation_accuracy", cold.accuracy);
            details.put("baseline_epochs", c.epochs());
            details.put("baseline_validation_accuracy", base.get("val_accuracy").asDouble());
            details.put("target_s", 10.0);
            return new BenchResult("train-head", "seconds to train a head on 1,000 x 1,000 features (cold: loads PyTorch)",
                    "plain PyTorch script, Debian python3-torch", cold.seconds, base.get("seconds").asDouble(), details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Run(double seconds, int epochs, double accuracy) {
    }

    private static Run train(TrainConfig c, float[][] raw, int[] y) {
        long t0 = System.nanoTime();
        float[][] x = standardised(raw);
        List<int[]> trainTargets = new ArrayList<>();
        List<int[]> valTargets = new ArrayList<>();
        for (int i = 0; i < TRAIN + VALIDATION; i++) {
            (i < TRAIN ? trainTargets : valTargets).add(new int[] {y[i]});
        }
        List<String> labels = new ArrayList<>();
        for (int k = 0; k < CLASSES; k++) {
            labels.add("class" + k);
        }
        try (Fit fit = new Fit(Networks.head(c.hidden(), CLASSES, (float) c.dropout()), new long[] {DIM}, labels, false,
                new Fit.Settings(c.epochs(), c.seed(), c.batchSize(), c.learningRate(), c.weightDecay(), c.patience(), false, false),
                (TRAIN + c.batchSize() - 1) / c.batchSize())) {
            List<EpochStats> h = fit.run(rows(x, 0, TRAIN), trainTargets, rows(x, TRAIN, VALIDATION), valTargets, EpochListener.NONE);
            double best = h.stream().mapToDouble(EpochStats::validationAccuracy).max().orElse(Double.NaN);
            return new Run((System.nanoTime() - t0) / 1e9, h.size(), best);
        }
    }

    private static float[][] standardised(float[][] raw) {
        float[][] x = new float[raw.length][];
        for (int d = 0; d < DIM; d++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < TRAIN; i++) {
                mean += raw[i][d];
                sq += raw[i][d] * (double) raw[i][d];
            }
            mean /= TRAIN;
            double std = Math.max(1e-3, Math.sqrt(Math.max(0, sq / TRAIN - mean * mean)));
            for (int i = 0; i < raw.length; i++) {
                if (x[i] == null) {
                    x[i] = new float[DIM];
                }
                x[i][d] = (float) ((raw[i][d] - mean) / std);
            }
        }
        return x;
    }

    private static Examples rows(float[][] x, int from, int count) {
        long[] shape = {DIM};
        return new Examples() {
            public int size() {
                return count;
            }

            public long[] shape() {
                return shape;
            }

            public void write(int i, boolean augment, long seed, float[] dst, int offset) {
                System.arraycopy(x[from + i], 0, dst, offset, DIM);
            }
        };
    }
}
