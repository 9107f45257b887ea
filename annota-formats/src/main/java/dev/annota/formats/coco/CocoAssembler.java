package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
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
 * Builds the schema and the items of a COCO dataset from the elements of one or more files. Elements are
 * collected per file and converted when the file ends, because a file may list its categories after its
 * annotations.
 */
final class CocoAssembler {
    private final Path root;
    private final ImportReport report;
    private final LabelSchema.Builder schema = LabelSchema.builder();
    private final List<Item> items = new ArrayList<>();
    private final Set<String> itemIds = new HashSet<>();

    CocoAssembler(Path root, ImportReport report) {
        this.root = root;
        this.report = report;
    }

    LabelSchema schema() {
        return schema.build();
    }

    List<Item> items() {
        return List.copyOf(items);
    }

    FileScope beginFile(String subset, String fileName) {
        return new FileScope(subset, fileName);
    }

    /** The elements of one file, converted into items at {@link #end()}. */
    final class FileScope {
        private final String subset;
        private final String fileName;
        private final List<JsonFields> images = new ArrayList<>();
        private final List<JsonFields> annotations = new ArrayList<>();
        private final List<JsonFields> categories = new ArrayList<>();

        private FileScope(String subset, String fileName) {
            this.subset = subset;
            this.fileName = fileName;
        }

        void accept(String section, JsonFields element) {
            switch (section) {
                case "images" -> images.add(element);
                case "annotations" -> annotations.add(element);
                default -> categories.add(element);
            }
        }

        void end() {
            Map<Long, LabelId> labels = new HashMap<>();
            for (JsonFields c : categories) {
                guarded(() -> category(c, labels));
            }
            Map<Long, ImageEntry> byId = new LinkedHashMap<>();
            for (JsonFields im : images) {
                guarded(() -> image(im, byId));
            }
            for (JsonFields a : annotations) {
                guarded(() -> annotation(a, labels, byId));
            }
            for (ImageEntry e : byId.values()) {
                String id = itemIds.add(e.id) ? e.id : subset + "/" + e.id;
                itemIds.add(id);
                items.add(new Item(id, e.ref, subset, e.annotations, Map.of("coco_image_id", Long.toString(e.cocoId))));
            }
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

        private void image(JsonFields im, Map<Long, ImageEntry> byId) {
            long cocoId = im.requireLong("id");
            String file = im.requireText("file_name");
            if (byId.containsKey(cocoId)) {
                throw im.fail("id", im.node().get("id"), "expected a unique image id");
            }
            Path path = resolveImage(file, im.location());
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
            String id = stem(file);
            ImageRef ref = new ImageRef(path.toString(), size, Optional.empty());
            byId.put(cocoId, new ImageEntry(cocoId, id, ref, new ArrayList<>()));
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

        private void annotation(JsonFields a, Map<Long, LabelId> labels, Map<Long, ImageEntry> byId) {
            long imageId = a.requireLong("image_id");
            ImageEntry entry = byId.get(imageId);
            if (entry == null) {
                throw a.fail("image_id", a.node().get("image_id"), "expected the id of an image listed in images");
            }
            long categoryId = a.requireLong("category_id");
            LabelId label = labels.computeIfAbsent(categoryId, raw -> undeclared(a, raw));
            List<Annotation> converted = CocoRecords.toAnnotations(a, label, entry.ref.size(), report::warn, report::error);
            entry.annotations.addAll(converted);
        }

        private LabelId undeclared(JsonFields a, long raw) {
            String name = "category_" + raw;
            report.warn(a.error("category_id", a.node().get("category_id"),
                    "expected a category listed in categories; added as class \"" + name + "\""));
            return schema.byName(name).map(LabelClass::id).orElseGet(() -> schema.add(name));
        }

        private Path resolveImage(String file, String location) {
            List<Path> candidates = List.of(
                    SafePaths.resolveInside(root, CocoFormat.IMAGES_DIR + "/" + subset + "/" + file, location, "file_name"),
                    SafePaths.resolveInside(root, CocoFormat.IMAGES_DIR + "/" + file, location, "file_name"),
                    SafePaths.resolveInside(root, file, location, "file_name"));
            for (Path p : candidates) {
                if (Files.isRegularFile(p)) {
                    return p.toAbsolutePath().normalize();
                }
            }
            return candidates.get(0).toAbsolutePath().normalize();
        }
    }

    /** {@code images/a.jpg} → {@code images/a}: the item id is the file name without its extension. */
    static String stem(String file) {
        String f = file.replace('\\', '/');
        int slash = f.lastIndexOf('/');
        int dot = f.lastIndexOf('.');
        return dot > slash + 1 ? f.substring(0, dot) : f;
    }

    private record ImageEntry(long cocoId, String id, ImageRef ref, List<Annotation> annotations) {
    }
}
