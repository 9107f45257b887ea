package dev.annota.cli;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.quality.LabelErrorReport;
import dev.annota.app.quality.LabelErrorSearch;
import dev.annota.app.quality.ProjectLabelErrors;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.images.ImageStore;
import dev.annota.train.CrossValidation;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.loop.EpochStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota quality label-errors}: likely wrong labels by k-fold out-of-fold probabilities and confident learning. */
@Command(name = "label-errors", mixinStandardHelpOptions = true,
        description = {"List the images whose label is probably wrong, most suspicious first, with the suggested label.",
                "--data DIR: an ImageFolder; out-of-fold probabilities from a head on --backbone's features, else a small cnn.",
                "--project P: a project's images with one class each, a linear head on their stored embeddings."})
final class QualityLabelErrorsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "ImageFolder (one sub-folder per class).")
        Path folder;

        @Option(names = "--project", required = true, paramLabel = "P", description = "Project id (uses its stored embeddings).")
        String project;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Cross-validation folds (default 5).")
    int folds;

    @Option(names = "--backbone", paramLabel = "PATH", description = "--data: head mode on this ONNX backbone (else cnn).")
    Path backbone;

    @Option(names = "--epochs", paramLabel = "N", description = "--data: most epochs per fold.")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed for folds and training (default 1).")
    long seed;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2", description = "CPU threads (default 2).")
    int threads;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "--project: the data folder (default annota-data).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "URL", description = "--project: database URL (default SQLite in the data folder).")
    String db;

    @Option(names = "--json", description = "Print {\"suspects\": [...]} and the method as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (folds < 2) {
            throw ValidationException.of("--folds", folds, "at least 2 folds");
        }
        PrintWriter err = spec.commandLine().getErr();
        LabelErrorReport r = source.folder != null ? inFolder(err) : inProject();
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.MAPPER.copy().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).writeValueAsString(r));
            return 0;
        }
        o.printf(Locale.ROOT, "%d suspects of wrong labels (%s, %d folds; estimated error rate %.3f)%n", r.suspects().size(), r.method(),
                r.folds(), r.estimatedErrorRate());
        for (LabelErrorReport.LabelSuspect s : r.suspects()) {
            o.printf(Locale.ROOT, "  %.4f  %s  given %s, suggested %s%n", s.score(), s.image(), s.given(), s.suggested());
        }
        return 0;
    }

    private LabelErrorReport inFolder(PrintWriter err) throws IOException {
        TrainMode mode = backbone != null ? TrainMode.HEAD : TrainMode.CNN;
        TrainConfig c = TrainConfig.defaults(mode).withSeed(seed).withThreads(threads);
        c = backbone == null ? c : c.withBackbone(backbone);
        c = epochs == null ? c : c.withEpochs(epochs);
        ConsoleProgress progress = new ConsoleProgress(err);
        int total = c.epochs();
        return LabelErrorSearch.inFolder(source.folder, c, folds, new CrossValidation.FoldListener() {
            int fold;
            int current;

            @Override
            public void fold(int index, int of) {
                fold = index + 1;
                err.printf(Locale.ROOT, "fold %d/%d (%s)%n", fold, of, mode.id());
            }

            @Override
            public void batch(int epoch, int done, int steps, double loss) {
                if (epoch != current) {
                    current = epoch;
                    progress.start("fold " + fold + " epoch " + epoch + "/" + total, steps);
                }
                progress.step(done);
            }

            @Override
            public void epoch(EpochStats s, boolean best) {
                progress.finish();
                current = 0;
            }
        });
    }

    private LabelErrorReport inProject() {
        DataOptions options = new DataOptions();
        options.data = dataDir;
        options.db = db;
        try (Database database = options.open()) {
            Access access = Access.of(database);
            ProjectSimilarity similarity = new ProjectSimilarity(database,
                    new ImageCatalog(database, new ImageStore(options.dataDir()), access));
            return new ProjectLabelErrors(database, access, similarity).find(LOCAL, source.project, folds, Optional.empty());
        }
    }

    /** The CLI works on the local database as its owner. */
    static final Actor LOCAL = new Actor("local-cli", "local command line", GlobalRole.ADMIN);
}
