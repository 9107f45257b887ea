package dev.annota.formats.coco;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.json.JsonObjectFields;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What the COCO instances and panoptic readers build alike from the files of one dataset: the label schema
 * (from {@code categories}, reusing a class listed by name in several files), the images of {@code images}
 * records, the classes of {@code category_id}s and unique item ids. A record's problems are reported into the
 * dataset's {@link ImportReport}.
 */
public final class CocoCatalog {
    private final Path root;
    private final ImportReport report;
    private final LabelSchema.Builder schema = LabelSchema.builder();
    private final Set<String> itemIds = new HashSet<>();

    /** A catalog of the dataset in the folder {@code root}, reporting into {@code report}. */
    public CocoCatalog(Path root, ImportReport report) {
        this.root = root;
        this.report = report;
    }

    /** An image record: its COCO id, its item id (the file name without extension) and where the image is. */
    public record Image(long cocoId, String id, ImageRef ref) {
    }

    public LabelSchema schema() {
        return schema.build();
    }

    /** Runs one step of reading a record; a {@link ValidationException} it throws is reported as an error. */
    public void guarded(Runnable step) {
        try {
            step.run();
        } catch (ValidationException e) {
            report.error(e);
        }
    }

    /**
     * Reads a {@code categories} record into the schema and maps its id in {@code labels}. A class of the same
     * name as one already read is reused; a new class keeps the record's id when it is positive and free, else
     * it is given the next id (reported). {@code details} reads the format's own fields of the record (after
     * {@code id} and {@code name}) and gives the change they make to a new class.
     */
    public void category(JsonObjectFields c, Map<Long, LabelId> labels,
                         Function<JsonObjectFields, UnaryOperator<LabelClass>> details) {
        long rawId = c.requireLong("id");
        String name = c.requireText("name");
        UnaryOperator<LabelClass> refine = details.apply(c);
        Optional<LabelClass> sameName = schema.byName(name);
        if (sameName.isPresent()) {
            // the same class listed by several files of one dataset
            labels.put(rawId, sameName.get().id());
            return;
        }
        LabelId id;
        if (rawId >= 1 && rawId <= Integer.MAX_VALUE && schema.get(LabelId.of((int) rawId)).isEmpty()) {
            id = schema.put(LabelClass.of(LabelId.of((int) rawId), name));
        } else {
            id = schema.add(name);
            report.warn(c.error("id", c.node().get("id"), "expected a positive category id not used by another class; "
                    + "the class \"" + name + "\" was given id " + id));
        }
        LabelClass cls = schema.get(id).orElseThrow();
        LabelClass refined = refine.apply(cls);
        if (refined != cls) {
            schema.update(refined);
        }
        labels.put(rawId, id);
    }

    /**
     * The class of the record's {@code category_id}, as mapped in {@code labels}; an id no category listed is
     * reported and added as the class {@code category_<id>}.
     */
    public LabelId label(JsonObjectFields a, Map<Long, LabelId> labels) {
        long categoryId = a.requireLong("category_id");
        return labels.computeIfAbsent(categoryId, raw -> {
            String name = "category_" + raw;
            report.warn(a.error("category_id", a.node().get("category_id"),
                    "expected a category listed in categories; added as class \"" + name + "\""));
            return schema.byName(name).map(LabelClass::id).orElseGet(() -> schema.add(name));
        });
    }

    /**
     * Reads an {@code images} record of a file of {@code subset}; {@code known} tells the COCO ids read before
     * (a repeat is an error). The image file is looked up as {@link CocoImages#resolve} says and its real size
     * preferred to the declared one (a missing file or a size that differs is reported).
     */
    public Image image(JsonObjectFields im, String subset, Predicate<Long> known) {
        long cocoId = im.requireLong("id");
        String file = im.requireText("file_name");
        if (known.test(cocoId)) {
            throw im.fail("id", im.node().get("id"), "expected a unique image id");
        }
        Path path = CocoImages.resolve(root, subset, file, im.location());
        Optional<ImageSize> declared = declaredSize(im);
        Optional<ImageSize> actual = ImageProbe.size(path);
        if (actual.isEmpty()) {
            report.warn(new FieldError(im.location(), "file_name", file, "expected an image file at "
                    + root.toAbsolutePath().normalize().relativize(path) + " (missing or unreadable)"));
        } else if (declared.isPresent() && !declared.get().equals(actual.get())) {
            report.warn(new FieldError(im.location(), "width/height", declared.get().width() + "x" + declared.get().height(),
                    "expected the size of the image file, " + actual.get().width() + "x" + actual.get().height()
                            + " (the file's size is used)"));
        }
        Optional<ImageSize> size = actual.isPresent() ? actual : declared;
        return new Image(cocoId, CocoImages.stem(file), new ImageRef(path.toString(), size, Optional.empty()));
    }

    private Optional<ImageSize> declaredSize(JsonObjectFields im) {
        if (!im.has("width") || !im.has("height")) {
            return Optional.empty();
        }
        long w = im.requireLong("width"), h = im.requireLong("height");
        if (w < 1 || h < 1 || w > Integer.MAX_VALUE || h > Integer.MAX_VALUE) {
            report.warn(im.error("width/height", im.node().get(w < 1 ? "width" : "height"),
                    "expected a positive image size (ignored)"));
            return Optional.empty();
        }
        return Optional.of(new ImageSize((int) w, (int) h));
    }

    /** {@code id}, or {@code <subset>/<id>} when another file of the dataset already gave an item that id. */
    public String uniqueItemId(String subset, String id) {
        String unique = itemIds.add(id) ? id : subset + "/" + id;
        itemIds.add(unique);
        return unique;
    }
}
