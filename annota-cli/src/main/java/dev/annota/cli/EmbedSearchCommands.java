package dev.annota.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.GlobalRole;
import dev.annota.app.embeddings.ProjectSimilarity;
import dev.annota.app.embeddings.SimilarityResults;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annota embed similar | duplicates | clusters}: the server's "more like this", near-duplicate and k-means
 * use cases ({@link ProjectSimilarity}) over a project's stored vectors, run locally against the database with an
 * operator's (admin) rights. {@code --json} prints the server's JSON shape.
 */
final class EmbedSearchCommands {
    private static final ObjectMapper SNAKE = Json.MAPPER.copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    /** Whoever runs the CLI on the database: the local operator. */
    private static final Actor OPERATOR = new Actor("local-cli", "local", GlobalRole.ADMIN);

    private EmbedSearchCommands() {
    }

    /** One line per item. */
    private static <T> String lines(java.util.List<T> items, Function<T, String> line) {
        return String.join("\n", items.stream().map(line).toList());
    }

    /** Options every search takes. */
    static final class Common {
        @Mixin
        DataOptions data;
        @Option(names = "--model", paramLabel = "KEY", description = "The embedding model's key (default: the project's only one).")
        Optional<String> model;
        @Option(names = "--json", description = "Print the result as one JSON document on stdout.")
        boolean json;

        int run(CommandSpec spec, Function<ProjectSimilarity, Object> search, Function<Object, String> text) throws IOException {
            try (Database db = data.open()) {
                ProjectSimilarity similarity = new ProjectSimilarity(db, new ImageCatalog(db, new ImageStore(data.dataDir()), Access.of(db)));
                Object result = search.apply(similarity);
                PrintWriter out = spec.commandLine().getOut();
                out.println(json ? SNAKE.writeValueAsString(result) : text.apply(result));
            }
            return 0;
        }
    }

    @Command(name = "similar", mixinStandardHelpOptions = true, description = "The images most like one image (cosine similarity).")
    static final class Similar implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Option(names = "--image", required = true, paramLabel = "ID", description = "The image id.")
        String image;
        @Option(names = "--k", paramLabel = "K", description = "How many (1-1000, default: 10).")
        int k = 10;

        @Override
        public Integer call() throws IOException {
            if (k < 1 || k > 1000) {
                throw ValidationException.of("--k", k, "from 1 to 1000");
            }
            return common.run(spec, s -> s.similar(OPERATOR, image, k, common.model),
                    r -> lines(((SimilarityResults.Similar) r).results(), n -> n.imageId() + "\t" + n.similarity()));
        }
    }

    @Command(name = "duplicates", mixinStandardHelpOptions = true, description = "Pairs of near-duplicate images of a project.")
    static final class Duplicates implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Option(names = "--project", required = true, paramLabel = "P", description = "Project id.")
        String project;
        @Option(names = "--threshold", paramLabel = "T", description = "Lowest cosine similarity of a pair, 0-1 (default: 0.95).")
        double threshold = 0.95;
        @Option(names = "--limit", paramLabel = "N", description = "At most N pairs (default: 1000).")
        int limit = 1000;

        @Override
        public Integer call() throws IOException {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw ValidationException.of("--threshold", threshold, "a cosine similarity from 0 to 1");
            }
            if (limit < 1 || limit > 10_000) {
                throw ValidationException.of("--limit", limit, "from 1 to 10000");
            }
            return common.run(spec, s -> s.nearDuplicates(OPERATOR, project, threshold, limit, common.model), r -> {
                var pairs = ((SimilarityResults.NearDuplicates) r).pairs();
                return pairs.isEmpty() ? "no pairs at or above " + threshold
                        : lines(pairs, p -> p.imageA() + "\t" + p.imageB() + "\t" + p.similarity());
            });
        }
    }

    @Command(name = "clusters", mixinStandardHelpOptions = true, description = "k-means clusters of a project's (unlabelled) images.")
    static final class Clusters implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        Common common;
        @Option(names = "--project", required = true, paramLabel = "P", description = "Project id.")
        String project;
        @Option(names = "--k", required = true, paramLabel = "K", description = "Number of clusters.")
        int k;
        @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 1).")
        long seed = 1;
        @Option(names = "--all", description = "Cluster every embedded image, not only the unlabelled ones.")
        boolean all;

        @Override
        public Integer call() throws IOException {
            return common.run(spec, s -> s.clusters(OPERATOR, project, k, !all, seed, common.model),
                    r -> lines(((SimilarityResults.Clustering) r).clusters(), c -> "cluster " + c.index() + " (" + c.imageIds().size()
                            + " images, medoid " + c.medoid() + "): " + String.join(" ", c.imageIds())));
        }
    }
}
