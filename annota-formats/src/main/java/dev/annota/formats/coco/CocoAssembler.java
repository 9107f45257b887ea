package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The first pass over a COCO dataset: builds the schema and, for each file, a {@link CocoFileIndex} of its
 * images and of where each readable annotation record lies in the file. Every record is converted once here,
 * so every warning and error is reported by {@code read()}, but the converted annotations are not kept: the
 * items are built again from the file, record by record, on each pass over the dataset.
 */
final class CocoAssembler {
    private final Path root;
    private final ImportReport report;
    private final LabelSchema.Builder schema = LabelSchema.builder();
    private final Set<String> itemIds = new HashSet<>();

    CocoAssembler(Path root, ImportReport report) {
        this.root = root;
        this.report = report;
    }

    LabelSchema schema() {
        return schema.build();
    }

    FileScope beginFile(Path file, String subset) {
        return new FileScope(file, subset);
    }

    /** The elements of one file, converted as they arrive; {@link #end()} gives the file's index. */
    final class FileScope {
        private final Path file;
        private final String subset;
        private final Map<Long, LabelId> labels = new HashMap<>();
        private final Map<Long, Integer> imageIndex = new HashMap<>();
        private final List<ImageEntry> images = new ArrayList<>();
        private final CocoFileIndex.Builder index = new CocoFileIndex.Builder();
        private boolean sawImages;
        private boolean sawCategories;

        private FileScope(Path file, String subset) {
            this.file = file;
            this.subset = subset;
        }

        /** Whether annotations can be converted now: the images and categories they refer to are known. */
        boolean readyForAnnotations() {
            return sawImages && sawCategories;
        }

        void section(String name) {
            if (name.equals("images")) {
                sawImages = true;
            } else if (name.equals("categories")) {
                sawCategories = true;
            }
        }

        void image(JsonFields im) {
            guarded(() -> addImage(im));
        }

        void category(JsonFields c) {
            guarded(() -> category(c, labels));
        }

        /** Converts one annotation record (reporting its problems) and remembers where it lies in the file. */
        void annotation(JsonFields a, long offset, int length) {
            guarded(() -> {
                int image = annotation(a);
                index.add(image, offset, length);
            });
        }

        CocoFileIndex end() throws IOException {
            List<CocoFileIndex.Image> done = new ArrayList<>(images.size());
            for (ImageEntry e : images) {
                String id = itemIds.add(e.id) ? e.id : subset + "/" + e.id;
                itemIds.add(id);
                done.add(new CocoFileIndex.Image(e.cocoId, id, e.ref));
            }
            return index.build(file, subset, done, labels);
        }

        private void guarded(Runnable step) {
            try {
                step.run();
            } catch (ValidationException e) {
                report.error(e);
            }
        }

        private void category(JsonFields c, Map<Long, LabelId> labels) {
            long rawId = c.requireLong("id");
            String name = c.requireText("name");
            Optional<Skeleton> skeleton = skeleton(c);
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
            if (skeleton.isPresent()) {
                LabelClass cls = schema.get(id).orElseThrow();
                schema.update(cls.withSkeleton(skeleton.get()));
            }
            labels.put(rawId, id);
        }

        private Optional<Skeleton> skeleton(JsonFields c) {
            JsonNode names = c.node().get("keypoints");
            if (names == null || !names.isArray() || names.isEmpty()) {
                return Optional.empty();
            }
            List<String> points = new ArrayList<>();
            names.forEach(n -> points.add(n.asText()));
            List<Skeleton.Edge> edges = new ArrayList<>();
            JsonNode sk = c.node().get("skeleton");
            try {
                if (sk != null && sk.isArray()) {
                    for (int i = 0; i < sk.size(); i++) {
                        double[] e = c.numbers("skeleton[" + i + "]", sk.get(i), 2);
                        edges.add(Skeleton.Edge.of((int) e[0] - 1, (int) e[1] - 1)); // COCO numbers points from 1
                    }
                }
                return Optional.of(new Skeleton(points, edges));
            } catch (ValidationException e) {
                e.errors().forEach(fe -> report.warn(new FieldError(c.location(), "skeleton." + fe.field(), fe.value(),
                        fe.expected() + " (skeleton ignored)")));
                return Optional.empty();
            }
        }

        private void addImage(JsonFields im) {
            long cocoId = im.requireLong("id");
            String file = im.requireText("file_name");
            if (imageIndex.containsKey(cocoId)) {
                throw im.fail("id", im.node().get("id"), "expected a unique image id");
            }
            Path path = CocoImages.resolve(root, subset, file, im.location());
            Optional<ImageSize> declared = declaredSize(im);
            Optional<ImageSize> actual = ImageProbe.size(path);
            if (actual.isEmpty()) {
                report.warn(new FieldError(im.location(), "file_name", file,
                        "expected an image file at " + root.relativize(path.toAbsolutePath().normalize()) + " (missing or unreadable)"));
            } else if (declared.isPresent() && !declared.get().equals(actual.get())) {
                report.warn(new FieldError(im.location(), "width/height",
                        declared.get().width() + "x" + declared.get().height(),
                        "expected the size of the image file, " + actual.get().width() + "x" + actual.get().height()
                                + " (the file's size is used)"));
            }
            Optional<ImageSize> size = actual.isPresent() ? actual : declared;
            String id = CocoImages.stem(file);
            ImageRef ref = new ImageRef(path.toString(), size, Optional.empty());
            imageIndex.put(cocoId, images.size());
            images.add(new ImageEntry(cocoId, id, ref));
        }

        private Optional<ImageSize> declaredSize(JsonFields im) {
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

        /** The index of the record's image; throws when the record is broken beyond use. */
        private int annotation(JsonFields a) {
            long imageId = a.requireLong("image_id");
            Integer image = imageIndex.get(imageId);
            if (image == null) {
                throw a.fail("image_id", a.node().get("image_id"), "expected the id of an image listed in images");
            }
            long categoryId = a.requireLong("category_id");
            LabelId label = labels.computeIfAbsent(categoryId, raw -> undeclared(a, raw));
            CocoRecords.toAnnotations(a, label, images.get(image).ref.size(), report::warn, report::error);
            return image;
        }

        private LabelId undeclared(JsonFields a, long raw) {
            String name = "category_" + raw;
            report.warn(a.error("category_id", a.node().get("category_id"),
                    "expected a category listed in categories; added as class \"" + name + "\""));
            return schema.byName(name).map(LabelClass::id).orElseGet(() -> schema.add(name));
        }

    }


    private record ImageEntry(long cocoId, String id, ImageRef ref) {
    }
}
