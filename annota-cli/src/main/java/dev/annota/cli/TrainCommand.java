package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.training.EpochProgress;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.TrainResult;
import dev.annota.train.Training;
import dev.annota.train.augment.AugmentConfig;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.DatasetReader;
import dev.annota.train.loop.EpochStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota train}: train a classifier from an ImageFolder or CSV and write a model package. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train an image classifier (DJL/PyTorch, CPU) and write a model package that annota predict runs.",
                "head: a linear/MLP head on a frozen ONNX backbone's features (cached per image);",
                "cnn: a small CNN trained end to end (small images)."})
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR|CSV", description = {"ImageFolder (one sub-folder per class) or CSV (path,label[,label...]);",
            "with --project: the data folder (default annota-data), as for other project commands."})
    Path data;

    @Option(names = "--project", paramLabel = "P", description = "Train on the project's accepted tags; register the model in the project.")
    String project;

    @Option(names = "--name", paramLabel = "NAME", description = "--project: the registered model's name (default: project name and mode).")
    String name;

    @Option(names = "--db", paramLabel = "URL", description = "--project: database URL (default: SQLite in the data folder).")
    String db;

    @Option(names = "--db-user", paramLabel = "USER", description = "--project: database user (PostgreSQL).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "--project: database password (PostgreSQL).")
    String dbPassword;

    @Option(names = "--mode", required = true, paramLabel = "head|cnn", description = "head or cnn.")
    String mode;

    @Option(names = "--backbone", paramLabel = "PATH", description = "head: the ONNX backbone (file, folder or model.json).")
    Path backbone;

    @Option(names = "--multi-label", description = "Several labels per image: sigmoid + binary cross-entropy, per-label thresholds.")
    boolean multiLabel;

    @Option(names = "--epochs", paramLabel = "N", description = "Most epochs (early stopping may end sooner).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for splits, initial weights, order and augmentation (default 1).")
    Long seed;

    @Option(names = "--image-size", paramLabel = "PX", description = "cnn: square input size (default 32).")
    Integer imageSize;

    @Option(names = "--batch-size", paramLabel = "N", description = "Images per step.")
    Integer batchSize;

    @Option(names = "--lr", paramLabel = "RATE", description = "Initial learning rate (cosine decay).")
    Double lr;

    @Option(names = "--hidden", paramLabel = "UNITS", description = "head: hidden units (0 = linear head).")
    Integer hidden;

    @Option(names = "--patience", paramLabel = "EPOCHS", description = "Early stopping patience (0 = off).")
    Integer patience;

    @Option(names = "--class-weighted", description = "Weight the loss by inverse class frequency.")
    boolean classWeighted;

    @Option(names = "--augment", paramLabel = "none|light", description = "cnn: augmentation preset (default light).")
    String augment;

    @Option(names = "--cache", paramLabel = "DIR", description = "head: embedding cache (default annota-data/cache/embeddings).")
    Path cache;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "CPU threads (default 2).")
    int threads;

    @Option(names = "--out", paramLabel = "DIR", description = "The model package folder to write (without --project).")
    Path out;

    @Option(names = "--folds", paramLabel = "K", description = "k-fold cross-validation instead of one model: per-fold and mean "
            + "metrics, and the out-of-fold probabilities in --out DIR/out-of-fold.csv (no package).")
    Integer folds;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        TrainMode m = switch (mode.toLowerCase(Locale.ROOT)) {
            case "head" -> TrainMode.HEAD;
            case "cnn" -> TrainMode.CNN;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--mode: expected head or cnn, got \"" + mode + "\"");
        };
        if (project != null) {
            return ProjectTraining.run(this, m);
        }
        if (data == null || out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "expected --data DIR|CSV and --out DIR, or --project P");
        }
        TrainConfig c = TrainConfig.defaults(m).withMultiLabel(multiLabel).withThreads(threads);
        c = epochs == null ? c : c.withEpochs(epochs);
        c = seed == null ? c : c.withSeed(seed);
        c = imageSize == null ? c : c.withImageSize(imageSize);
        c = batchSize == null ? c : c.withBatchSize(batchSize);
        c = lr == null ? c : c.withLearningRate(lr);
        c = hidden == null ? c : c.withHidden(hidden);
        c = patience == null ? c : c.withPatience(patience);
        c = c.withClassWeighted(classWeighted);
        c = augment == null ? c : c.withAugment("none".equals(augment) ? AugmentConfig.none() : AugmentConfig.light());
        c = backbone == null ? c : c.withBackbone(backbone);
        c = cache == null ? c : c.withCacheDir(cache);
        Dataset d = DatasetReader.read(data, multiLabel);
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "%s: %d images, %d labels; mode %s%n", data, d.size(), d.labels().size(), m.id());
        ConsoleProgress progress = new ConsoleProgress(err);
        int total = c.epochs();
        if (folds != null) {
            return CrossValidationOutput.run(spec.commandLine(), c, d, folds, out, json, progress);
        }
        TrainResult r = Training.run(c, d, out, EpochProgress.of(total, progress, (s, best) -> printEpoch(err, s, total, best)));
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            ObjectNode n = Json.MAPPER.createObjectNode();
            n.put("model", r.modelDir().toAbsolutePath().toString());
            n.put("mode", r.mode().id());
            n.set("labels", Json.MAPPER.valueToTree(r.labels()));
            n.put("epochs", r.history().size());
            n.set("validation", Json.MAPPER.valueToTree(r.validation()));
            n.set("test", Json.MAPPER.valueToTree(r.test()));
            n.put("weights_sha256", r.weightsSha256());
            n.put("seconds", r.seconds());
            o.println(Json.MAPPER.writeValueAsString(n));
            return 0;
        }
        o.printf(Locale.ROOT, "model package: %s (%d epochs, %.1f s)%n", r.modelDir(), r.history().size(), r.seconds());
        r.validation().forEach((k, v) -> o.printf(Locale.ROOT, "  %-22s validation %s  test %s%n", k, f(v),
                f(r.test().getOrDefault(k, Double.NaN))));
        o.println("run: annota predict --model " + r.modelDir() + " IMAGE...");
        return 0;
    }

    static void printEpoch(PrintWriter err, EpochStats s, int total, boolean best) {
        err.printf(Locale.ROOT, "epoch %d/%d  loss %.4f  val loss %.4f  val acc %.4f  val macro F1 %.4f  lr %.2e  %.1f s%s%n",
                s.epoch(), total, s.trainLoss(), s.validationLoss(), s.validationAccuracy(), s.validationMacroF1(),
                s.learningRate(), s.seconds(), best ? "  *" : "");
        err.flush();
    }

    static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }
}
