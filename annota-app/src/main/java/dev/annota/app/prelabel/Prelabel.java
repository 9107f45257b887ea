package dev.annota.app.prelabel;

import dev.annota.app.Progress;
import dev.annota.app.auth.Actor;
import dev.annota.app.models.LoadedModels;
import dev.annota.app.models.PredictionAnnotations;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.OperationTask;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.schema.LabelSchema;
import dev.annota.infer.Predictor;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImagePage;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.images.ImageStore;
import dev.annota.store.models.ModelRuns;
import dev.annota.store.operations.Operation;
import dev.annota.store.suggestions.ModelPredictions;
import dev.annota.store.suggestions.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Pre-labels a project's images with a model linked to it: the images of the filter (all by default), less
 * those the model version already ran on (unless {@code redo}), less annotated ones or ones with suggestions
 * when asked; each image's results ({@link PredictionAnnotations}) replace that model's earlier suggestions for
 * it. Stored a batch at a time: {@link Suggestions#putAll} (one transaction) and then {@link ModelRuns#markDone}
 * — so a job that stops at any moment can run again and skip what is done, without duplicates. Runs as an
 * operation of kind {@value #KIND} (managers and admins), or directly ({@link #run}; the CLI).
 */
public final class Prelabel {
    /** The operation kind. */
    public static final String KIND = "prelabel";
    private static final int PAGE = 500;

    private final ImageQueries queries;
    private final ImageStore store;
    private final Suggestions suggestions;
    private final ModelRuns runs;
    private final ProjectModelLinks links;
    private final LoadedModels loaded;
    private final PrelabelSettings settings;
    private final IntConsumer afterBatch;

    /**
     * @param afterBatch called with the number of batches stored so far after each one (benchmarks watch it; the
     *                   crash tests stop a job there)
     */
    public Prelabel(Database db, ImageStore store, ProjectModelLinks links, LoadedModels loaded, PrelabelSettings settings,
                    IntConsumer afterBatch) {
        this.queries = new ImageQueries(db);
        this.store = store;
        this.suggestions = new Suggestions(db);
        this.runs = new ModelRuns(db);
        this.links = links;
        this.loaded = loaded;
        this.settings = settings;
        this.afterBatch = afterBatch;
    }

    /** Checks the request and the caller (a manager of the project), and queues the job; returns the operation. */
    public Operation start(Actor actor, String projectId, PrelabelRequest request, ImageFilter filter, ProjectOperations operations) {
        operations.requireManager(actor, projectId);
        links.get(projectId, request.modelId());
        return operations.start(actor, projectId, KIND, request.toJson(), task(projectId, request, filter));
    }

    /** The operation's work: {@link #run} with the operation's progress. */
    public OperationTask task(String projectId, PrelabelRequest request, ImageFilter filter) {
        return work -> {
            PrelabelReport report = run(projectId, request, filter, work.progress());
            return new OperationOutcome(Optional.empty(), report.toJson(), report.message());
        };
    }

    /** Runs the job now on the calling thread. */
    public PrelabelReport run(String projectId, PrelabelRequest request, ImageFilter filter, Progress progress) {
        ProjectModelLinks.Link link = links.get(projectId, request.modelId());
        Source.Model model = new Source.Model(link.model().name(), link.model().version());
        LabelSchema schema = links.schema(projectId);
        PredictionAnnotations convert = new PredictionAnnotations(model, link.mapping(), schema, request.threshold(),
                request.maxDetections());
        ImageFilter selection = selection(filter, request, model);
        long total = queries.count(projectId, selection);
        Predictor predictor = loaded.get(link.model());
        AtomicLong stored = new AtomicLong();
        AtomicLong batches = new AtomicLong();
        PrelabelPipeline.Stats stats = PrelabelPipeline.run(predictor, items(projectId, selection), predictor.batches() ? 8 : 1, batch -> {
            List<ModelPredictions> rows = new ArrayList<>(batch.size());
            for (PrelabelPipeline.Done d : batch) {
                List<Annotation> annotations = convert.convert(d.prediction());
                stored.addAndGet(annotations.size());
                rows.add(new ModelPredictions(d.item().imageId(), model, annotations));
            }
            suggestions.putAll(rows);
            runs.markDone(batch.stream().map(d -> d.item().imageId()).toList(), model);
            afterBatch.accept((int) batches.incrementAndGet());
        }, settings, progress, total);
        return new PrelabelReport(model.name(), model.version(), total, stats.processed(), stored.get(), stats.failures(), stats.seconds());
    }

    /** The filter, less what the request skips. */
    private static ImageFilter selection(ImageFilter filter, PrelabelRequest request, Source.Model model) {
        ImageFilter f = filter;
        if (request.onlyWithoutAnnotations()) {
            f = f.withAnnotations(false);
        }
        if (request.onlyWithoutSuggestions()) {
            f = f.and(params -> "NOT EXISTS (SELECT 1 FROM suggestions s WHERE s.image_id = i.id)");
        }
        if (!request.redo()) {
            f = f.and(ModelRuns.notDone(model));
        }
        return f;
    }

    /** The selected images page by page (keyset pages, oldest first), as files of the content store. */
    private Iterator<PrelabelPipeline.Item> items(String projectId, ImageFilter selection) {
        return new Iterator<>() {
            private List<ImageRecord> page = List.of();
            private int at;
            private Optional<String> cursor = Optional.empty();
            private boolean last;

            @Override
            public boolean hasNext() {
                while (at >= page.size() && !last) {
                    ImagePage p = queries.list(projectId, selection, ImageSort.oldestFirst(), PAGE, cursor);
                    page = p.images();
                    at = 0;
                    cursor = p.next();
                    last = cursor.isEmpty();
                }
                return at < page.size();
            }

            @Override
            public PrelabelPipeline.Item next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ImageRecord r = page.get(at++);
                return new PrelabelPipeline.Item(r.id(), store.path(r.sha256(), r.format()));
            }
        };
    }
}
