package dev.annota.bench;

import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.formats.idx.FashionMnist;
import dev.annota.formats.idx.IdxImages;
import dev.annota.train.ModelEvaluation;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.TrainResult;
import dev.annota.train.augment.AugmentConfig;
import dev.annota.train.Training;
import dev.annota.train.data.DatasetReader;
import dev.annota.train.loop.EpochListener;
import dev.annota.train.loop.EpochStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;

/**
 * {@code train-fmnist}: annota-train's cnn mode on Fashion-MNIST (Debian's {@code dataset-fashion-mnist}, read by
 * annota-formats' {@link FashionMnist}) through the pipeline a user's data takes: the 60,000 training images are
 * written as an ImageFolder of PNG files, read by {@link DatasetReader}, decoded, augmented (the default light
 * augmentation) and trained by {@link Training} at 28 px (5,000 of them for validation); the package's test accuracy
 * is measured by {@link ModelEvaluation} (ONNX Runtime) on the 10,000 test images written the same way. Baseline, in
 * the same run: the same network, batch size and optimiser in a plain PyTorch script ({@code fmnist_torch.py}) on
 * Debian's {@code python3-torch} with 2 threads, without augmentation. Ours and baseline are seconds per epoch.
 * Epochs: {@code -Dannota.bench.fmnist.epochs} (default 15), the script's {@code -Dannota.bench.fmnist.baseline-epochs}
 * (default the same); {@code -Dannota.bench.fmnist.augment=none} trains without augmentation.
 */
final class TrainFmnistBench {
    private static final int VALIDATION = 5000;
    private static final long SEED = 1;

    private TrainFmnistBench() {
    }

    static BenchResult run() {
        int epochs = Integer.getInteger("annota.bench.fmnist.epochs", 15);
        int baselineEpochs = Integer.getInteger("annota.bench.fmnist.baseline-epochs", epochs);
        boolean augment = !"none".equals(System.getProperty("annota.bench.fmnist.augment", "light"));
        if (!FashionMnist.presentIn(FashionMnist.DEBIAN_FOLDER)) {
            throw new IllegalStateException(FashionMnist.DEBIAN_FOLDER + " is absent: apt-get install dataset-fashion-mnist");
        }
        try {
            Path work = Files.createTempDirectory("annota-bench-fmnist-");
            long t0 = System.nanoTime();
            FashionMnist data = FashionMnist.read(FashionMnist.DEBIAN_FOLDER);
            writeFolder(data.trainImages(), data.trainLabels(), work.resolve("train"));
            writeFolder(data.testImages(), data.testLabels(), work.resolve("test"));
            double prepareS = (System.nanoTime() - t0) / 1e9;

            TrainConfig config = TrainConfig.defaults(TrainMode.CNN).withImageSize(28).withEpochs(epochs).withSeed(SEED)
                    .withThreads(2).withPatience(0).withSplit(VALIDATION / (double) data.trainLabels().length, 0)
                    .withAugment(augment ? AugmentConfig.light() : AugmentConfig.none());
            long t1 = System.nanoTime();
            TrainResult r = Training.run(config, DatasetReader.read(work.resolve("train"), false), work.resolve("model"),
                    new EpochListener() {
                        @Override
                        public void epoch(EpochStats s, boolean best) {
                            System.err.printf(Locale.ROOT, "  ours epoch %d: loss %.4f val acc %.4f %.1f s%n", s.epoch(), s.trainLoss(),
                                    s.validationAccuracy(), s.seconds());
                        }
                    });
            double oursWallS = (System.nanoTime() - t1) / 1e9;
            ModelEvaluation.Result eval = ModelEvaluation.run(work.resolve("model"), work.resolve("test"), 2);
            double testAccuracy = SingleLabelMetrics.of(eval.single().orElseThrow()).accuracy();
            double oursEpochS = r.history().stream().mapToDouble(EpochStats::seconds).average().orElseThrow();

            Baseline base = baseline(baselineEpochs);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("epochs", r.history().size());
            details.put("baseline_epochs", base.epochSeconds.size());
            details.put("train_images", data.trainLabels().length - VALIDATION);
            details.put("validation_images", VALIDATION);
            details.put("test_images", eval.images());
            details.put("test_accuracy", testAccuracy);
            details.put("baseline_test_accuracy", base.testAccuracy);
            details.put("augmentation", (augment ? "light" : "none") + " (ours); none (baseline)");
            details.put("epoch_seconds", r.history().stream().map(EpochStats::seconds).toList());
            details.put("baseline_epoch_seconds", base.epochSeconds);
            details.put("prepare_png_folders_s", prepareS);
            details.put("ours_whole_run_s", oursWallS);
            details.put("ours_whole_run_per_epoch_s", oursWallS / r.history().size());
            details.put("baseline_whole_run_s", base.wallS);
            details.put("baseline_torch", base.torch);
            return new BenchResult("train-fmnist", "seconds per epoch (55,000 images, batch 64, 2 threads)",
                    "plain PyTorch script, Debian python3-torch", oursEpochS,
                    base.epochSeconds.stream().mapToDouble(Double::doubleValue).average().orElseThrow(), details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes every image as {@code root/<class>/<index>.png} (class names with '/' get '-'). */
    private static void writeFolder(IdxImages images, int[] labels, Path root) throws IOException {
        for (String c : FashionMnist.CLASSES) {
            Files.createDirectories(root.resolve(folderName(c)));
        }
        IntStream.range(0, images.count()).parallel().forEach(i -> {
            BufferedImage img = new BufferedImage(images.cols(), images.rows(), BufferedImage.TYPE_BYTE_GRAY);
            img.getRaster().setDataElements(0, 0, images.cols(), images.rows(),
                    Arrays.copyOfRange(images.pixels(), i * images.imageSize(), (i + 1) * images.imageSize()));
            Path f = root.resolve(folderName(FashionMnist.CLASSES.get(labels[i]))).resolve(String.format(Locale.ROOT, "%05d.png", i));
            try {
                ImageIO.write(img, "png", f.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(f.toString(), e);
            }
        });
    }

    static String folderName(String className) {
        return className.replace('/', '-');
    }

    private record Baseline(List<Double> epochSeconds, double testAccuracy, double wallS, String torch) {
    }

    private static Baseline baseline(int epochs) throws IOException {
        long t0 = System.nanoTime();
        List<Double> seconds = new ArrayList<>();
        double[] accuracy = {Double.NaN};
        String[] torch = {""};
        PythonScript.run("fmnist_torch.py", List.of(FashionMnist.DEBIAN_FOLDER.toString(), Integer.toString(epochs),
                Integer.toString(VALIDATION), Long.toString(SEED)), n -> {
                    if (n.has("seconds")) {
                        seconds.add(n.get("seconds").asDouble());
                        System.err.printf(Locale.ROOT, "  baseline epoch %d: loss %.4f val acc %.4f %.1f s%n", n.get("epoch").asInt(),
                                n.get("loss").asDouble(), n.get("val_accuracy").asDouble(), n.get("seconds").asDouble());
                    } else if (n.has("test_accuracy")) {
                        accuracy[0] = n.get("test_accuracy").asDouble();
                        torch[0] = n.get("torch").asText();
                    }
                });
        return new Baseline(seconds, accuracy[0], (System.nanoTime() - t0) / 1e9, torch[0]);
    }
}
