package dev.annota.cli;

import dev.annota.app.auth.Access;
import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.images.ImageCatalog;
import dev.annota.app.quality.NextImages;
import dev.annota.app.quality.NextToLabel;
import dev.annota.store.Database;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota quality next}: the project's active-learning queue. */
@Command(name = "next", mixinStandardHelpOptions = true,
        description = {"The next unlabelled images to label: least-confidence, margin or entropy of their stored suggestions,",
                "kcenter (k-center greedy on stored embeddings), entropy-kcenter (both) or random."})
final class QualityNextCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--project", required = true, paramLabel = "P", description = "Project id.")
    String project;

    @Option(names = "--strategy", paramLabel = "NAME", defaultValue = "entropy",
            description = "least-confidence, margin, entropy, kcenter, entropy-kcenter or random (default entropy).")
    String strategy;

    @Option(names = "--n", paramLabel = "N", defaultValue = "20", description = "How many images (default 20).")
    int n;

    @Option(names = "--model", paramLabel = "KEY", description = "Embedding model key for kcenter (default: the project's only one).")
    String model;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed for random (default 1).")
    long seed;

    @Option(names = "--json", description = "Print the queue as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        NextImages next;
        try (Database db = data.open()) {
            Access access = Access.of(db);
            ProjectSimilarity similarity = new ProjectSimilarity(db, new ImageCatalog(db, new ImageStore(data.dataDir()), access));
            next = new NextToLabel(db, access, similarity).next(QualityLabelErrorsCommand.LOCAL, project, strategy, n,
                    Optional.ofNullable(model), seed);
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json) {
            o.println(Json.MAPPER.copy().setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).writeValueAsString(next));
            return 0;
        }
        o.printf(Locale.ROOT, "%d of %d candidates by %s%n", next.images().size(), next.candidates(), next.strategy());
        next.images().forEach(i -> o.printf(Locale.ROOT, "  %.4f  %s%n", i.score(), i.imageId()));
        return 0;
    }
}
