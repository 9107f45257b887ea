package dev.annota.app.embeddings;

import dev.annota.app.Progress;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.OperationTask;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.app.operations.ResumableKind;
import dev.annota.app.auth.Actor;
import dev.annota.core.error.AnnotaException;
import dev.annota.infer.embed.Embedder;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.store.Database;
import dev.annota.store.embeddings.ImageEmbeddings;
import dev.annota.store.embeddings.ImageVector;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.Images;
import dev.annota.store.operations.Operation;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code embed} operation: computes and stores the vector of every image of a project that has none from the
 * model yet, {@link EmbedRequest#batchSize()} images per transaction, reporting progress and stopping at the next
 * batch when cancelled. Resumable: after a crash it starts again and, as stored batches are skipped, goes on where it
 * stopped without doing any image twice. A file that cannot be decoded is skipped and counted in the report.
 */
public final class EmbedProject implements ResumableKind {
    /** The operation kind. */
    public static final String KIND = "embed";

    private final ImageEmbeddings embeddings;
    private final Images images;
    private final ImageStore store;
    private final EmbeddingModels models;
    private final Clock clock;

    public EmbedProject(Database db, ImageStore store, EmbeddingModels models, Clock clock) {
        this.embeddings = new ImageEmbeddings(db);
        this.images = new Images(db);
        this.store = store;
        this.models = models;
        this.clock = clock;
    }

    /** The server's setup: images in {@code <data>}'s image store, models in {@code <data>/models/<name>/}. */
    public static EmbedProject forDataDir(Database db, java.nio.file.Path dataDir) {
        return new EmbedProject(db, new ImageStore(dataDir), EmbeddingModels.folder(dataDir.resolve("models"),
                dev.annota.infer.PredictorOptions.defaults()), Clock.systemUTC());
    }

    /** Queues the operation (managers of the project and admins). */
    public Operation start(Actor actor, ProjectOperations operations, EmbedRequest request) {
        operations.requireManager(actor, request.projectId());
        return operations.start(actor, request.projectId(), KIND, request.toJson(), task(request));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public OperationTask resume(Operation interrupted) {
        return task(EmbedRequest.fromJson(interrupted.requestJson()));
    }

    /** The work, for the runner (or run directly by the CLI with its own progress). */
    public OperationTask task(EmbedRequest request) {
        return work -> run(request, work.progress());
    }

    /** Embeds what is missing; returns the outcome with a JSON report. */
    public OperationOutcome run(EmbedRequest request, Progress progress) throws IOException {
        try (Embedder embedder = models.open(request.model())) {
            String key = embedder.key();
            long total = embeddings.countMissing(request.projectId(), key);
            progress.start("embedding with " + key, total);
            long done = 0;
            long unreadable = 0;
            long started = System.nanoTime();
            List<String> skipped = new ArrayList<>();
            while (true) {
                List<String> batch = embeddings.missing(request.projectId(), key, request.batchSize() + skipped.size()).stream()
                        .filter(id -> !skipped.contains(id)).limit(request.batchSize()).toList();
                if (batch.isEmpty()) {
                    break;
                }
                List<String> ids = new ArrayList<>();
                List<RgbImage> decoded = new ArrayList<>();
                for (String id : batch) {
                    Optional<RgbImage> img = decode(id);
                    if (img.isPresent()) {
                        ids.add(id);
                        decoded.add(img.get());
                    } else {
                        skipped.add(id);
                        unreadable++;
                    }
                }
                List<float[]> vectors = embedder.embed(decoded);
                List<ImageVector> rows = new ArrayList<>(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    rows.add(new ImageVector(ids.get(i), vectors.get(i)));
                }
                progress.checkCancelled();
                embeddings.putAll(request.projectId(), key, rows, clock.instant());
                done += batch.size();
                progress.step(done);
            }
            progress.finish();
            double seconds = (System.nanoTime() - started) / 1e9;
            long embedded = done - unreadable;
            com.fasterxml.jackson.databind.node.ObjectNode report = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                    .put("model", key).put("embedded", embedded).put("unreadable", unreadable)
                    .put("seconds", Math.round(seconds * 1000) / 1000.0);
            return new OperationOutcome(Optional.empty(), report.toString(), "embedded " + embedded + " image(s) with " + key
                    + (unreadable > 0 ? "; " + unreadable + " could not be decoded" : ""));
        }
    }

    private Optional<RgbImage> decode(String imageId) {
        Optional<ImageRecord> image = images.get(imageId);
        if (image.isEmpty()) {
            return Optional.empty(); // deleted meanwhile
        }
        try {
            return Optional.of(ImageDecoder.read(store.path(image.get().sha256(), image.get().format())));
        } catch (IOException | AnnotaException e) {
            return Optional.empty();
        }
    }
}
