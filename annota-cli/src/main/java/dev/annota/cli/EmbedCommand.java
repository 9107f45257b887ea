package dev.annota.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.embeddings.EmbedFolder;
import dev.annota.app.embeddings.EmbedProject;
import dev.annota.app.embeddings.EmbedRequest;
import dev.annota.app.embeddings.EmbeddingModels;
import dev.annota.app.embeddings.VectorFiles;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.embed.Embedder;
import dev.annota.store.Database;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annota embed}: computes image embeddings with a model, either for a project's images (stored in the
 * database, as the server's embedding operation does: resumable, only images without a vector) or for a folder of
 * image files (written to a {@code .npy} or {@code .jsonl} file). Its subcommands search a project's stored vectors.
 */
@Command(name = "embed", mixinStandardHelpOptions = true, description = {"Compute image embeddings with a model: for a project's images",
        "(--project: stored in the database; images that already have a vector from the model are skipped), or for a folder",
        "of images (--images DIR --out FILE.npy|FILE.jsonl). The subcommands search a project's stored vectors."},
        subcommands = {EmbedSearchCommands.Similar.class, EmbedSearchCommands.Duplicates.class, EmbedSearchCommands.Clusters.class})
final class EmbedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions data;
    @Option(names = "--model", paramLabel = "M", description = {"A model folder (e.g. ../shared/models/squeezenet1.1), or the name of one",
        "under DIR/models: an embedding model or a classifier preset with a feature tap."})
    String model;
    @Option(names = "--project", paramLabel = "P", description = "Project id: embed its images into the database.")
    Optional<String> project;
    @Option(names = "--images", paramLabel = "DIR", description = "A folder of images to embed (recursively; no database).")
    Optional<Path> images;
    @Option(names = "--out", paramLabel = "FILE", description = "With --images: where to write the vectors, FILE.npy (+ FILE.names.txt) or FILE.jsonl.")
    Optional<Path> out;
    @Option(names = "--batch", paramLabel = "N", description = "Images per batch (default: 32).")
    Optional<Integer> batch;
    @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (model == null) {
            throw ValidationException.of("--model", "", "a model folder or the name of a model under DIR/models");
        }
        if (project.isPresent() == images.isPresent()) {
            throw new ValidationException(new FieldError("--project", "--project", project.orElse(""),
                    "exactly one of --project P (embed into the database) and --images DIR (embed files into --out)"));
        }
        int perBatch = batch.orElse(EmbedRequest.DEFAULT_BATCH);
        Path folder = Path.of(model);
        EmbeddingModels models = Files.isDirectory(folder) ? name -> Embedder.open(folder, PredictorOptions.defaults())
                : EmbeddingModels.folder(data.dataDir().resolve("models"), PredictorOptions.defaults());
        String name = Files.isDirectory(folder) ? folder.toAbsolutePath().normalize().getFileName().toString() : model;
        return project.isPresent() ? project(models, name, project.get(), perBatch) : folder(models, name, images.get(), perBatch);
    }

    private int project(EmbeddingModels models, String name, String projectId, int perBatch) throws IOException {
        if (out.isPresent()) {
            throw ValidationException.of("--out", out.get().toString(), "no --out with --project: the vectors go to the database");
        }
        try (Database db = data.open()) {
            new dev.annota.store.projects.Projects(db).get(projectId);
            EmbedProject embed = new EmbedProject(db, new ImageStore(data.dataDir()), models, Clock.systemUTC());
            OperationOutcome outcome = embed.run(new EmbedRequest(projectId, name, perBatch), new ConsoleProgress(spec.commandLine().getErr()));
            spec.commandLine().getOut().println(json ? Json.MAPPER.readTree(outcome.reportJson()).toPrettyString() : outcome.message());
        }
        return 0;
    }

    private int folder(EmbeddingModels models, String name, Path dir, int perBatch) throws IOException {
        Path target = out.orElseThrow(() -> ValidationException.of("--out", "", "with --images: a FILE.npy or FILE.jsonl to write"));
        VectorFiles.check(target);
        EmbedFolder.Result r;
        try (Embedder embedder = models.open(name)) {
            r = EmbedFolder.run(embedder, dir, perBatch, new ConsoleProgress(spec.commandLine().getErr()));
        }
        List<Path> written = VectorFiles.write(target, r.rows(), r.dim());
        if (json) {
            ObjectNode n = Json.MAPPER.createObjectNode().put("model", r.model()).put("embedded", r.rows().size()).put("dim", r.dim());
            var files = n.putArray("files");
            written.forEach(p -> files.add(p.toString()));
            var skipped = n.putArray("skipped");
            r.skipped().forEach(s -> skipped.addObject().put("file", s.location()).put("reason", s.expected()));
            spec.commandLine().getOut().println(Json.MAPPER.writeValueAsString(n));
        } else {
            spec.commandLine().getOut().println("embedded " + r.rows().size() + " image(s) with " + r.model() + " (" + r.dim()
                    + " values each) into " + String.join(" and ", written.stream().map(Path::toString).toList())
                    + (r.skipped().isEmpty() ? "" : "; " + r.skipped().size() + " skipped"));
            r.skipped().forEach(s -> spec.commandLine().getErr().println("skipped " + s.location() + ": " + s.expected()));
        }
        return 0;
    }
}
