package dev.annota.app.prelabel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.app.models.LabelMapping;
import dev.annota.app.models.PredictionAnnotations;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.ImportReport;
import dev.annota.formats.coco.JsonElements;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Detection;
import dev.annota.infer.ModelLabel;
import dev.annota.infer.Prediction;
import dev.annota.store.Database;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.Images;
import dev.annota.store.models.ModelRuns;
import dev.annota.store.projects.Projects;
import dev.annota.store.suggestions.ModelPredictions;
import dev.annota.store.suggestions.Suggestions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads the results of a batch job ({@code annota spark prelabel}) into a project as suggestions: {@code coco/images.json}
 * (the COCO images with Annota's {@code annota_id} and {@code sha256}, and the model's labels as categories),
 * {@code coco/results.json} (a COCO results file: detections, or classes without a box) and {@code job.json} (the
 * model's name and sha256). Each image is matched to the project's image of the same content (sha256), else of the
 * same id; the rest are counted as unmatched. Results become suggestions as {@link Prelabel} stores them
 * ({@link PredictionAnnotations}: labels mapped to classes by name, the threshold and the cap per image, boxes
 * clipped) — replacing that model version's earlier suggestions for the image — and the images are marked done for
 * the model version ({@link ModelRuns}), a batch per transaction, so an import can simply be run again.
 */
public final class ImportResults {
    private static final int BATCH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Images images;
    private final Projects projects;
    private final Suggestions suggestions;
    private final ModelRuns runs;

    public ImportResults(Database db) {
        this.images = new Images(db);
        this.projects = new Projects(db);
        this.suggestions = new Suggestions(db);
        this.runs = new ModelRuns(db);
    }

    /** What an import did; {@code unmatched} lists the first ids of images that are not in the project. */
    public record Report(String model, String modelVersion, long images, long matched, long suggestions, List<String> unmatched,
                         long unmatchedCount, List<String> unmappedLabels) {
        public Report {
            unmatched = List.copyOf(unmatched);
            unmappedLabels = List.copyOf(unmappedLabels);
        }

        public String toJson() {
            var o = JSON.createObjectNode().put("model", model).put("model_version", modelVersion).put("images", images)
                    .put("matched", matched).put("suggestions", suggestions).put("unmatched", unmatchedCount);
            var first = o.putArray("first_unmatched");
            unmatched.forEach(first::add);
            o.put("unmapped_labels", unmappedLabels.size());
            return o.toString();
        }

        public String message() {
            return matched + " of " + images + " image(s) matched; " + suggestions + " suggestion(s) from " + model + " " + modelVersion
                    + (unmatchedCount == 0 ? "" : "; not in the project: " + unmatchedCount + " (e.g. " + String.join(", ", unmatched) + ")");
        }
    }

    private record JobImage(String annotaId, String sha256) {
    }

    /** Imports {@code results} (a job's output folder or its {@code coco/} folder) into the project. */
    public Report run(String projectId, Path results, double threshold, int maxPerImage) throws IOException {
        Path coco = Files.isRegularFile(results.resolve("coco/images.json")) ? results.resolve("coco") : results;
        Path imagesFile = coco.resolve("images.json");
        Path resultsFile = coco.resolve("results.json");
        for (Path p : List.of(imagesFile, resultsFile)) {
            if (!Files.isRegularFile(p)) {
                throw ValidationException.of("--results", results.toString(), "expected a job output folder holding coco/images.json and coco/results.json (missing " + p + ")");
            }
        }
        LabelSchema schema = projects.find(projectId).orElseThrow(() -> new NotFoundException("no project " + projectId)).schema();
        Source.Model model = model(coco);
        Map<Long, JobImage> jobImages = new HashMap<>();
        Map<Integer, String> categories = new HashMap<>();
        ImportReport report = new ImportReport(ErrorPolicy.FAIL_FAST);
        JsonElements.sections(imagesFile, Set.of("images", "categories"), (section, f) -> {
            if (section.equals("images")) {
                jobImages.put(f.requireLong("id"), new JobImage(f.requireText("annota_id"), f.requireText("sha256")));
            } else {
                categories.put((int) f.requireLong("id"), f.requireText("name"));
            }
        }, report);
        List<ModelLabel> labels = labels(categories);
        LabelMapping mapping = LabelMapping.of(labels.stream().map(ModelLabel::name).toList(), schema, Map.of());
        PredictionAnnotations convert = new PredictionAnnotations(model, mapping, schema, threshold, maxPerImage);

        Batch batch = new Batch(projectId, model, convert, jobImages);
        Pending current = new Pending();
        JsonElements.array(resultsFile, f -> {
            long imageId = f.requireLong("image_id");
            if (!jobImages.containsKey(imageId)) {
                throw f.fail("image_id", f.node().get("image_id"), "expected an image of images.json");
            }
            int category = (int) f.requireLong("category_id");
            if (category < 1 || category > labels.size()) {
                throw f.fail("category_id", f.node().get("category_id"), "expected a category of images.json (1 to " + labels.size() + ")");
            }
            double score = f.requireNumber("score");
            if (current.imageId != imageId) {
                batch.add(current);
                current.reset(imageId);
            }
            ModelLabel label = labels.get(category - 1);
            JsonNode box = f.optionalArray("bbox");
            if (box == null || box.isEmpty()) {
                current.classes.add(new ClassScore(label, score));
            } else {
                double[] b = f.numbers("bbox", box, 4);
                current.detections.add(new Detection(label, score, new PixelBox(b[0], b[1], b[2], b[3])));
            }
        }, report);
        batch.add(current);
        for (long id : jobImages.keySet()) {
            if (!batch.seen.contains(id)) {
                current.reset(id); // no results (nothing detected): its earlier suggestions are replaced by none
                batch.add(current);
            }
        }
        batch.flush();
        return new Report(model.name(), model.version(), jobImages.size(), batch.matched, batch.stored, batch.unmatchedIds,
                batch.unmatched, mapping.unmapped());
    }

    private static Source.Model model(Path coco) throws IOException {
        Path job = coco.resolveSibling("job.json");
        if (!Files.isRegularFile(job)) {
            throw ValidationException.of("--results", coco.getParent().toString(), "expected the job's job.json beside coco/ (model name and sha256)");
        }
        JsonNode j = JSON.readTree(job.toFile());
        String name = j.path("model").asText("");
        String sha = j.path("model_sha256").asText("");
        if (name.isEmpty() || sha.length() < 12) {
            throw ValidationException.of("job.json", job.toString(), "expected fields model and model_sha256");
        }
        return new Source.Model(name, sha.substring(0, 12));
    }

    /** The model's labels by output index (category id − 1); a gap gets an empty name, which maps to nothing. */
    private static List<ModelLabel> labels(Map<Integer, String> categories) {
        int max = categories.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<ModelLabel> out = new ArrayList<>(max);
        for (int id = 1; id <= max; id++) {
            out.add(new ModelLabel(id - 1, categories.getOrDefault(id, "")));
        }
        return out;
    }

    /** One image's results as they stream past. */
    private static final class Pending {
        long imageId = -1;
        final List<ClassScore> classes = new ArrayList<>();
        final List<Detection> detections = new ArrayList<>();

        void reset(long id) {
            imageId = id;
            classes.clear();
            detections.clear();
        }
    }

    /** Images waiting to be matched and stored, {@value #BATCH} at a time. */
    private final class Batch {
        final String projectId;
        final Source.Model model;
        final PredictionAnnotations convert;
        final Map<Long, JobImage> jobImages;
        final Map<Long, Pending> waiting = new LinkedHashMap<>();
        long matched;
        long stored;
        long unmatched;
        final Set<Long> seen = new HashSet<>();
        final List<String> unmatchedIds = new ArrayList<>();

        Batch(String projectId, Source.Model model, PredictionAnnotations convert, Map<Long, JobImage> jobImages) {
            this.projectId = projectId;
            this.model = model;
            this.convert = convert;
            this.jobImages = jobImages;
        }

        void add(Pending p) {
            if (p.imageId < 0) {
                return;
            }
            Pending copy = new Pending();
            copy.reset(p.imageId);
            copy.classes.addAll(p.classes);
            copy.detections.addAll(p.detections);
            waiting.put(p.imageId, copy);
            seen.add(p.imageId);
            if (waiting.size() >= BATCH) {
                flush();
            }
        }

        void flush() {
            if (waiting.isEmpty()) {
                return;
            }
            Map<String, String> bySha = images.idsBySha(projectId, waiting.keySet().stream().map(id -> jobImages.get(id).sha256()).toList());
            List<ModelPredictions> rows = new ArrayList<>();
            for (Pending p : waiting.values()) {
                JobImage ji = jobImages.get(p.imageId);
                Optional<ImageRecord> image = Optional.ofNullable(bySha.get(ji.sha256())).flatMap(images::get)
                        .or(() -> images.get(ji.annotaId()).filter(r -> r.projectId().equals(projectId)));
                if (image.isEmpty()) {
                    unmatched++;
                    if (unmatchedIds.size() < 20) {
                        unmatchedIds.add(ji.annotaId());
                    }
                    continue;
                }
                ImageSize size = new ImageSize(image.get().width(), image.get().height());
                Prediction prediction = p.detections.isEmpty() ? Prediction.ofClasses(size, p.classes)
                        : Prediction.ofDetections(size, p.detections);
                List<Annotation> annotations = convert.convert(prediction);
                rows.add(new ModelPredictions(image.get().id(), model, annotations));
                stored += annotations.size();
                matched++;
            }
            suggestions.putAll(rows);
            runs.markDone(rows.stream().map(ModelPredictions::imageId).toList(), model);
            waiting.clear();
        }
    }
}
