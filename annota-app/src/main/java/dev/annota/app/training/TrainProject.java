package dev.annota.app.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.Progress;
import dev.annota.app.auth.Actor;
import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.store.Database;
import dev.annota.store.Ids;
import dev.annota.store.images.ImageStore;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.operations.Operation;
import dev.annota.store.projects.Projects;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainResult;
import dev.annota.train.Training;
import dev.annota.train.loop.EpochListener;
import dev.annota.train.loop.EpochStats;
import dev.annota.train.pkg.SliceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Trains a classifier on a project's accepted tags ({@link ProjectTrainingData}) with annota-train, writes the
 * package under {@code DATA/training/<run>}, registers it in the model registry (name: the request's, or the
 * project's and the mode; version: the time and run) and links it to the project, labels mapped by name — so
 * {@code prelabel} can use it at once. {@link #run} works synchronously (the CLI); {@link #start} queues a
 * {@value #KIND} operation whose progress has a phase per epoch and whose detail (its {@code result} while it runs)
 * lists the finished epochs with their loss and metrics; cancelling it stops the training within a batch.
 */
public final class TrainProject {
    /** The operation kind. */
    public static final String KIND = "training";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Database db;
    private final Path dataDir;
    private final ModelRegistry registry;
    private final ProjectModelLinks links;

    public TrainProject(Database db, Path dataDir, ModelRegistry registry, ProjectModelLinks links) {
        this.db = db;
        this.dataDir = dataDir;
        this.registry = registry;
        this.links = links;
    }

    /**
     * Trains now, reporting each batch and epoch to {@code progress} (a phase per epoch); {@code createdBy} is the
     * user recorded on the model (empty for the CLI); {@code pathsAllowed}: the backbone may be a local path.
     */
    public TrainingRun run(String projectId, TrainRequest request, Optional<String> createdBy, boolean pathsAllowed, Progress progress)
            throws IOException {
        TrainConfig config = request.config(registry, dataDir.resolve("cache").resolve("embeddings"), pathsAllowed);
        progress.start("reading tagged images", 0);
        ProjectTrainingData data = ProjectTrainingData.read(db, new ImageStore(dataDir), projectId);
        progress.finish();
        String runId = Ids.newId();
        Path folder = dataDir.resolve("training").resolve(runId);
        try {
            TrainResult result = Training.run(config, data.dataset(), folder, listener(config.epochs(), progress));
            progress.start("evaluating slices and registering", 0);
            List<SliceReport.Slice> slices = SliceReport.write(folder, config, data.dataset(), data.fields(), config.threads());
            String name = request.name().orElseGet(() -> ModelRegistry.safeName(new Projects(db).get(projectId).name() + "-" + config.mode().id()));
            String version = STAMP.format(java.time.Instant.now()) + "-" + runId.substring(0, 8);
            ModelRecord model = registry.add(new ModelRegistry.NewModel(folder, Optional.of(name), Optional.of(version)), createdBy);
            links.linkAsOwner(projectId, model.id(), Map.of());
            progress.finish();
            return new TrainingRun(model, result, slices, folder);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
    }

    /** Queues the training as an operation of the project (managers and admins); returns it queued. */
    public Operation start(Actor actor, String projectId, TrainRequest request, ProjectOperations operations) {
        operations.requireManager(actor, projectId);
        request.config(registry, dataDir.resolve("cache").resolve("embeddings"), false); // a bad backbone fails now, not later
        ObjectNode req = JSON.createObjectNode();
        req.put("mode", request.mode().id());
        request.backbone().ifPresent(b -> req.put("backbone", b));
        req.put("multi_label", request.multiLabel());
        request.epochs().ifPresent(e -> req.put("epochs", e));
        req.put("seed", request.seed());
        request.name().ifPresent(n -> req.put("name", n));
        return operations.start(actor, projectId, KIND, req.toString(), work -> {
            TrainingRun run = run(projectId, request, Optional.of(actor.userId()), false, work.progress());
            return new OperationOutcome(Optional.empty(), run.toJson().toString(), String.format(java.util.Locale.ROOT,
                    "trained %s %s: %d epochs, validation accuracy %.3f", run.model().name(), run.model().version(),
                    run.result().history().size(), run.result().validation().getOrDefault("accuracy",
                            run.result().validation().getOrDefault("subset_accuracy", Double.NaN))));
        });
    }

    /** The project's training operations, newest first (each with its request and, once finished, its report). */
    public List<Operation> list(Actor actor, String projectId, ProjectOperations operations, int limit) {
        return operations.list(actor, projectId, 500).stream().filter(op -> op.kind().equals(KIND)).limit(limit).toList();
    }

    private static EpochListener listener(int epochs, Progress progress) {
        List<EpochStats> done = new ArrayList<>();
        return EpochProgress.of(epochs, progress, (stats, best) -> {
            done.add(stats);
            ObjectNode detail = JSON.createObjectNode();
            detail.put("epochs_planned", epochs);
            detail.set("epochs", TrainingRun.epochs(done));
            progress.detail(detail.toString());
        });
    }

    private static void deleteQuietly(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover run folder holds no state the database refers to
        }
    }
}
