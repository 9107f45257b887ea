package dev.annota.train.loop;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.CosineTracker;
import ai.djl.util.Pair;
import dev.annota.eval.classification.MultiLabelInput;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.SingleLabelInput;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.train.net.Layer;
import dev.annota.train.net.Networks;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Trains a {@link Layer} network on DJL/PyTorch: Adam with weight decay, cosine learning-rate decay, dropout,
 * optional class weights, early stopping on the validation macro F1 (the best epoch's weights are kept).
 * Single-label: softmax cross-entropy; multi-label: sigmoid binary cross-entropy. Repeatable: PyTorch's seed
 * is set before the weights are initialised, batches follow a seeded permutation, and every augmented example
 * draws from a generator seeded by (seed, epoch, index), so the prefetching thread cannot change the numbers.
 */
public final class Fit implements AutoCloseable {
    private final List<Layer> layers;
    private final SequentialBlock block;
    private final Model model;
    private final Trainer trainer;
    private final List<String> labels;
    private final boolean multiLabel;
    private final long[] shape;
    private final Settings settings;

    /** The optimisation settings (a view of the TrainConfig). */
    public record Settings(int epochs, long seed, int batchSize, double learningRate, double weightDecay, int patience,
            boolean classWeighted, boolean augment) {
    }

    public Fit(List<Layer> layers, long[] exampleShape, List<String> labels, boolean multiLabel, Settings settings, int stepsPerEpoch) {
        this.layers = List.copyOf(layers);
        this.labels = List.copyOf(labels);
        this.multiLabel = multiLabel;
        this.shape = exampleShape.clone();
        this.settings = settings;
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) settings.seed());
        block = Networks.block(layers);
        model = Model.newInstance("annota", Device.cpu(), "PyTorch");
        model.setBlock(block);
        float lr = (float) settings.learningRate();
        CosineTracker tracker = CosineTracker.builder().setBaseValue(lr).optFinalValue(lr * 0.01f)
                .setMaxUpdates(Math.max(1, settings.epochs() * stepsPerEpoch)).build();
        Optimizer adam = Optimizer.adam().optLearningRateTracker(tracker).optWeightDecays((float) settings.weightDecay()).build();
        trainer = model.newTrainer(new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(adam)
                .optDevices(new Device[] {Device.cpu()}));
        long[] full = new long[shape.length + 1];
        full[0] = 1;
        System.arraycopy(shape, 0, full, 1, shape.length);
        trainer.initialize(new Shape(full));
        this.tracker = tracker;
        skipGradientCheck(trainer);
    }

    /**
     * DJL's first {@code step()} refuses gradients whose signed sum is exactly 0, meaning "backward was not
     * called"; but a two-class softmax head's gradients are antisymmetric (class 0's are minus class 1's) and can
     * sum to exactly 0 after a correct backward pass. Fit always calls backward before step, so the check is
     * marked done.
     */
    private static void skipGradientCheck(Trainer trainer) {
        try {
            java.lang.reflect.Field checked = Trainer.class.getDeclaredField("gradientsChecked");
            checked.setAccessible(true);
            checked.setBoolean(trainer, true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // another DJL version: its check stays on, which only matters for exactly cancelling gradients
        }
    }

    private final CosineTracker tracker;

    /** Trains on {@code train} (targets per example), validates on {@code validation}; returns the history. */
    public List<EpochStats> run(Examples train, List<int[]> trainTargets, Examples validation, List<int[]> validationTargets,
            EpochListener listener) {
        int n = train.size();
        int b = settings.batchSize();
        int steps = (n + b - 1) / b;
        float[] weights = classWeights(trainTargets);
        List<EpochStats> history = new ArrayList<>();
        double bestScore = Double.NEGATIVE_INFINITY;
        double bestLoss = Double.POSITIVE_INFINITY;
        List<float[]> best = snapshot();
        int sinceBest = 0;
        int updates = 0;
        ExecutorService prefetch = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "annota-train-batches");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
                long start = System.nanoTime();
                int[] order = permutation(n, new Random(settings.seed() * 1_000_003L + epoch));
                final int e = epoch;
                CompletableFuture<float[]> next = CompletableFuture.supplyAsync(() -> batch(train, order, 0, b, e), prefetch);
                double lossSum = 0;
                int seen = 0;
                for (int s = 0; s < steps; s++) {
                    int from = s * b;
                    int size = Math.min(b, n - from);
                    float[] x = next.join();
                    if (s + 1 < steps) {
                        int nextFrom = from + b;
                        next = CompletableFuture.supplyAsync(() -> batch(train, order, nextFrom, b, e), prefetch);
                    }
                    if (size < 2) {
                        continue;
                    }
                    int[] idx = Arrays.copyOfRange(order, from, from + size);
                    try (NDManager m = trainer.getManager().newSubManager(); GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray input = m.create(x, new Shape(batchShape(size)));
                        NDArray logits = trainer.forward(new NDList(input)).singletonOrThrow();
                        NDArray loss = loss(m, logits, idx, trainTargets, weights);
                        gc.backward(loss);
                        double l = loss.getFloat();
                        lossSum += l * size;
                        seen += size;
                        listener.batch(epoch, s + 1, steps, lossSum / seen);
                    }
                    trainer.step();
                    updates++;
                }
                double[][] p = predict(validation);
                double valLoss = logLoss(p, validationTargets);
                double[] metrics = metrics(p, validationTargets);
                boolean improved = metrics[1] > bestScore + 1e-9 || Math.abs(metrics[1] - bestScore) <= 1e-9 && valLoss < bestLoss;
                if (improved) {
                    bestScore = metrics[1];
                    bestLoss = valLoss;
                    best = snapshot();
                    sinceBest = 0;
                } else {
                    sinceBest++;
                }
                EpochStats stats = new EpochStats(epoch, seen == 0 ? Double.NaN : lossSum / seen, valLoss, metrics[0], metrics[1],
                        tracker.getNewValue(null, updates), (System.nanoTime() - start) / 1e9);
                history.add(stats);
                listener.epoch(stats, improved);
                if (settings.patience() > 0 && sinceBest >= settings.patience()) {
                    break;
                }
            }
        } finally {
            prefetch.shutdownNow();
        }
        restore(best);
        return history;
    }

    private float[] batch(Examples data, int[] order, int from, int b, int epoch) {
        int size = Math.min(b, order.length - from);
        int per = data.valuesPerExample();
        float[] x = new float[size * per];
        for (int k = 0; k < size; k++) {
            int i = order[from + k];
            long seed = new SplittableRandom(settings.seed() ^ (long) epoch * 0x9E3779B97F4A7C15L).split().nextLong() + i * 0x632BE59BD9B4E019L;
            data.write(i, settings.augment(), seed, x, k * per);
        }
        return x;
    }

    private long[] batchShape(int size) {
        long[] s = new long[shape.length + 1];
        s[0] = size;
        System.arraycopy(shape, 0, s, 1, shape.length);
        return s;
    }

    private NDArray loss(NDManager m, NDArray logits, int[] idx, List<int[]> targets, float[] weights) {
        int c = labels.size();
        float[] y = new float[idx.length * c];
        for (int k = 0; k < idx.length; k++) {
            for (int l : targets.get(idx[k])) {
                y[k * c + l] = 1;
            }
        }
        NDArray target = m.create(y, new Shape(idx.length, c));
        if (!multiLabel) {
            NDArray w = m.create(weights).reshape(1, c);
            NDArray sampleWeight = target.mul(w).sum(new int[] {1});
            NDArray picked = logits.logSoftmax(1).mul(target).sum(new int[] {1});
            return picked.mul(sampleWeight).sum().neg().div(sampleWeight.sum());
        }
        // weighted BCE with logits: pw·y·softplus(−z) + (1−y)·softplus(z)
        NDArray pw = m.create(weights).reshape(1, c);
        NDArray pos = softplus(logits.neg()).mul(target).mul(pw);
        NDArray neg = softplus(logits).mul(target.neg().add(1));
        return pos.add(neg).mean();
    }

    private static NDArray softplus(NDArray z) {
        return z.maximum(0).add(z.abs().neg().exp().add(1).log());
    }

    private float[] classWeights(List<int[]> targets) {
        int c = labels.size();
        float[] w = new float[c];
        Arrays.fill(w, 1);
        if (!settings.classWeighted()) {
            return w;
        }
        int[] count = new int[c];
        for (int[] t : targets) {
            for (int l : t) {
                count[l]++;
            }
        }
        for (int l = 0; l < c; l++) {
            if (multiLabel) {
                w[l] = count[l] == 0 ? 1 : (float) Math.min(10, Math.max(1, (targets.size() - count[l]) / (double) count[l]));
            } else {
                w[l] = count[l] == 0 ? 0 : (float) (targets.size() / (double) (c * count[l]));
            }
        }
        return w;
    }

    /** Probabilities (softmax, or sigmoid per label) for every example, without augmentation. */
    public double[][] predict(Examples data) {
        int n = data.size();
        int per = data.valuesPerExample();
        double[][] out = new double[n][];
        int b = Math.max(settings.batchSize(), 64);
        for (int from = 0; from < n; from += b) {
            int size = Math.min(b, n - from);
            float[] x = new float[size * per];
            for (int k = 0; k < size; k++) {
                data.write(from + k, false, 0, x, k * per);
            }
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDArray logits = trainer.evaluate(new NDList(m.create(x, new Shape(batchShape(size))))).singletonOrThrow();
                NDArray p = multiLabel ? ai.djl.nn.Activation.sigmoid(logits) : logits.softmax(1);
                float[] v = p.toFloatArray();
                int c = labels.size();
                for (int k = 0; k < size; k++) {
                    out[from + k] = new double[c];
                    for (int l = 0; l < c; l++) {
                        out[from + k][l] = v[k * c + l];
                    }
                }
            }
        }
        return out;
    }

    private double logLoss(double[][] p, List<int[]> targets) {
        double sum = 0;
        int terms = 0;
        for (int i = 0; i < p.length; i++) {
            if (multiLabel) {
                boolean[] y = new boolean[labels.size()];
                for (int l : targets.get(i)) {
                    y[l] = true;
                }
                for (int l = 0; l < y.length; l++) {
                    double q = Math.min(1 - 1e-7, Math.max(1e-7, p[i][l]));
                    sum -= y[l] ? Math.log(q) : Math.log(1 - q);
                    terms++;
                }
            } else {
                sum -= Math.log(Math.max(1e-15, p[i][targets.get(i)[0]]));
                terms++;
            }
        }
        return terms == 0 ? Double.NaN : sum / terms;
    }

    /** {accuracy (subset accuracy for multi-label at 0.5), macro F1} from annota-eval. */
    private double[] metrics(double[][] p, List<int[]> targets) {
        if (p.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        if (multiLabel) {
            MultiLabelMetrics m = MultiLabelMetrics.of(multiInput(labels, p, targets, null));
            return new double[] {m.subsetAccuracy(), m.perLabel().macro().f1()};
        }
        SingleLabelMetrics m = SingleLabelMetrics.of(singleInput(labels, p, targets, false));
        return new double[] {m.accuracy(), m.prf().macro().f1()};
    }

    /** annota-eval input for single-label predictions (argmax). */
    public static SingleLabelInput singleInput(List<String> labels, double[][] p, List<int[]> targets, boolean withScores) {
        int[] yTrue = targets.stream().mapToInt(t -> t[0]).toArray();
        int[] yPred = Arrays.stream(p).mapToInt(Fit::argmax).toArray();
        return new SingleLabelInput(labels, yTrue, yPred, withScores ? Optional.of(p) : Optional.empty());
    }

    /** annota-eval input for multi-label predictions, each label thresholded at its threshold (0.5 when null). */
    public static MultiLabelInput multiInput(List<String> labels, double[][] p, List<int[]> targets, double[] thresholds) {
        int c = labels.size();
        boolean[][] yTrue = new boolean[p.length][c];
        boolean[][] yPred = new boolean[p.length][c];
        for (int i = 0; i < p.length; i++) {
            for (int l : targets.get(i)) {
                yTrue[i][l] = true;
            }
            for (int l = 0; l < c; l++) {
                yPred[i][l] = p[i][l] >= (thresholds == null ? 0.5 : thresholds[l]);
            }
        }
        return new MultiLabelInput(labels, yTrue, yPred, Optional.of(p));
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    private static int[] permutation(int n, Random rnd) {
        int[] a = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private List<float[]> snapshot() {
        List<float[]> out = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            out.add(p.getValue().getArray().toFloatArray());
        }
        return out;
    }

    private void restore(List<float[]> values) {
        int i = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().set(FloatBuffer.wrap(values.get(i++)));
        }
    }

    /** sha256 of every parameter's values in order: equal for runs that learnt the same weights. */
    public String weightsSha256() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (float[] v : snapshot()) {
                ByteBuffer buf = ByteBuffer.allocate(v.length * 4);
                buf.asFloatBuffer().put(v);
                md.update(buf.array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    public SequentialBlock block() {
        return block;
    }

    public List<Layer> layers() {
        return layers;
    }

    @Override
    public void close() {
        trainer.close();
        model.close();
    }
}
