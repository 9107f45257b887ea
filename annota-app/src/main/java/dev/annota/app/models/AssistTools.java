package dev.annota.app.models;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Polygon;
import dev.annota.core.geometry.Rle;
import dev.annota.core.schema.LabelId;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Detection;
import dev.annota.infer.ModelLabel;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.SegmentMask;
import dev.annota.infer.descriptor.Task;
import dev.annota.infer.image.RgbImage;
import dev.annota.store.Database;
import dev.annota.store.models.ModelRecord;
import dev.annota.store.suggestions.Suggestions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The assisted tools of the annotation UI, on one image of a project the caller is a member of:
 * <ul>
 * <li>{@link #autoBox}: a detector's boxes (optionally stored as the model's suggestions for the image, which
 *     needs the model linked to the project and the role manager or annotator);</li>
 * <li>{@link #clickToMask}: a foreground model (U²-Net) on the crop inside the user's box, the mask put back
 *     in image coordinates, as RLE and polygon;</li>
 * <li>{@link #autoTag}: a classifier's top k as tag suggestions.</li>
 * </ul>
 * Each result names the model's label and, when the model is linked to the project and the label maps to a
 * class, that class id.
 */
public final class AssistTools {
    /** The smallest box side click-to-mask accepts, in pixels. */
    public static final int MIN_BOX_SIDE = 4;

    private final ModelRegistry registry;
    private final LoadedModels loaded;
    private final ProjectModelLinks links;
    private final ModelImages images;
    private final Suggestions suggestions;

    public AssistTools(Database db, ModelRegistry registry, LoadedModels loaded, ProjectModelLinks links, ImageCatalog catalog) {
        this.registry = registry;
        this.loaded = loaded;
        this.links = links;
        this.images = new ModelImages(catalog);
        this.suggestions = new Suggestions(db);
    }

    /** One suggested result: the model's label, the project class it maps to (when it does), the score, the box. */
    public record Suggested(String label, Optional<Integer> classId, double score, Optional<PixelBox> box) {
    }

    /** The boxes found, and how many were stored as suggestions (0 unless asked). */
    public record Boxes(ModelRecord model, List<Suggested> boxes, int stored) {
    }

    /** The mask inside the user's box, in image coordinates. */
    public record Mask(ModelRecord model, Optional<Integer> classId, double score, Rle mask, Optional<Polygon> polygon) {
    }

    /** The tags proposed. */
    public record Tags(ModelRecord model, List<Suggested> tags) {
    }

    public Boxes autoBox(Actor actor, String imageId, String modelId, double threshold, boolean store) throws IOException {
        checkThreshold(threshold);
        ModelRecord model = model(modelId, Task.DETECTION, "model_id");
        ModelImages.Loaded image = store ? images.load(actor, imageId, ProjectRole.MANAGER, ProjectRole.ANNOTATOR)
                : images.load(actor, imageId);
        Optional<ProjectModelLinks.Link> link = store ? Optional.of(links.get(image.record().projectId(), modelId))
                : links.find(image.record().projectId(), modelId);
        Prediction p = loaded.get(model).predict(image.pixels());
        List<Suggested> out = new ArrayList<>();
        for (Detection d : p.detections()) {
            if (d.score() >= threshold) {
                out.add(new Suggested(d.label().name(), classOf(link, d.label()), d.score(), Optional.of(d.box())));
            }
        }
        int stored = 0;
        if (store) {
            ProjectModelLinks.Link l = link.orElseThrow();
            PredictionAnnotations convert = new PredictionAnnotations(new Source.Model(model.name(), model.version()), l.mapping(),
                    projectSchema(l), threshold, 10_000);
            List<Annotation> annotations = convert.convert(p);
            suggestions.put(imageId, model.name(), model.version(), annotations);
            stored = annotations.size();
        }
        return new Boxes(model, out, stored);
    }

    public Mask clickToMask(Actor actor, String imageId, String modelId, PixelBox box) throws IOException {
        ModelRecord model = model(modelId, Task.SEGMENTATION, "model_id");
        ModelImages.Loaded image = images.load(actor, imageId);
        RgbImage full = image.pixels();
        int x0 = (int) Math.floor(Math.max(0, box.x()));
        int y0 = (int) Math.floor(Math.max(0, box.y()));
        int x1 = (int) Math.ceil(Math.min(full.width(), box.x2()));
        int y1 = (int) Math.ceil(Math.min(full.height(), box.y2()));
        if (x1 - x0 < MIN_BOX_SIDE || y1 - y0 < MIN_BOX_SIDE) {
            throw ValidationException.of("box", List.of(box.x(), box.y(), box.width(), box.height()), "a box of at least "
                    + MIN_BOX_SIDE + "x" + MIN_BOX_SIDE + " pixels inside the image (" + full.width() + "x" + full.height() + ")");
        }
        RgbImage crop = crop(full, x0, y0, x1 - x0, y1 - y0);
        Prediction p = loaded.get(model).predict(crop);
        Optional<SegmentMask> best = p.masks().stream().max(Comparator.comparingLong(m -> m.mask().area()));
        boolean[] bitmap = new boolean[full.width() * full.height()];
        double score = 0;
        Optional<Integer> classId = Optional.empty();
        if (best.isPresent()) {
            boolean[] inner = best.get().mask().toBitmap();
            int cw = x1 - x0;
            for (int y = 0; y < y1 - y0; y++) {
                for (int x = 0; x < cw; x++) {
                    bitmap[(y + y0) * full.width() + x + x0] = inner[y * cw + x];
                }
            }
            score = best.get().score();
            classId = classOf(links.find(image.record().projectId(), modelId), best.get().label());
        }
        Rle mask = Rle.fromBitmap(bitmap, full.height(), full.width());
        Optional<Polygon> polygon = new SegmentMask(new ModelLabel(0, "foreground"), score, mask)
                .polygon(PredictionAnnotations.POLYGON_TOLERANCE, PredictionAnnotations.MIN_REGION_PIXELS);
        return new Mask(model, classId, score, mask, polygon);
    }

    public Tags autoTag(Actor actor, String imageId, String modelId, int topK) throws IOException {
        if (topK < 1 || topK > 100) {
            throw ValidationException.of("top_k", topK, "from 1 to 100 tags");
        }
        ModelRecord model = registry.get(modelId);
        if (!model.task().equals(Task.CLASSIFICATION.id()) && !model.task().equals(Task.MULTI_LABEL.id())) {
            throw ValidationException.of("model_id", modelId, "a classification or multi_label model (" + model.name() + " is "
                    + model.task() + ")");
        }
        ModelImages.Loaded image = images.load(actor, imageId);
        Optional<ProjectModelLinks.Link> link = links.find(image.record().projectId(), modelId);
        Prediction p = loaded.get(model).predict(image.pixels());
        List<Suggested> tags = new ArrayList<>();
        for (ClassScore c : p.classes()) {
            if (tags.size() < topK) {
                tags.add(new Suggested(c.label().name(), classOf(link, c.label()), c.score(), Optional.empty()));
            }
        }
        return new Tags(model, tags);
    }

    private ModelRecord model(String modelId, Task task, String field) {
        ModelRecord model = registry.get(modelId);
        if (!model.task().equals(task.id())) {
            throw ValidationException.of(field, modelId, "a " + task.id() + " model (" + model.name() + " is " + model.task() + ")");
        }
        return model;
    }

    private dev.annota.core.schema.LabelSchema projectSchema(ProjectModelLinks.Link l) {
        return links.schema(l.link().projectId());
    }

    private static Optional<Integer> classOf(Optional<ProjectModelLinks.Link> link, ModelLabel label) {
        return link.flatMap(l -> l.mapping().classOf(label.index())).map(LabelId::value);
    }

    private static void checkThreshold(double threshold) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw ValidationException.of("threshold", threshold, "a score from 0 to 1");
        }
    }

    private static RgbImage crop(RgbImage image, int x, int y, int w, int h) {
        int[] px = new int[w * h];
        for (int row = 0; row < h; row++) {
            System.arraycopy(image.pixels(), (y + row) * image.width() + x, px, row * w, w);
        }
        return new RgbImage(w, h, px);
    }
}
