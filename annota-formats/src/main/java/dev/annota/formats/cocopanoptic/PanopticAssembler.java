package dev.annota.formats.cocopanoptic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.item.ImageRef;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImageProbe;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.formats.coco.CocoImages;
import dev.annota.formats.coco.JsonFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/** Builds the schema and the images (with their segments) of a COCO panoptic dataset, file by file. */
final class PanopticAssembler {
    private final Path root;
    private final ImportReport report;
    private final LabelSchema.Builder schema = LabelSchema.builder();
    private final List<PanopticImage> images = new ArrayList<>();
    private final Set<String> itemIds = new HashSet<>();

    PanopticAssembler(Path root, ImportReport report) {
        this.root = root;
        this.report = report;
    }

    LabelSchema schema() {
        return schema.build();
    }

    List<PanopticImage> images() {
        return List.copyOf(images);
    }

    FileScope beginFile(Path file, String subset) {
        return new FileScope(file, subset);
    }

    /** The elements of one file; converted at {@link #end()}, since categories may come after annotations. */
    final class FileScope {
        private final Path file;
        private final String subset;
        private final List<JsonFields> categories = new ArrayList<>();
        private final List<JsonFields> imageRecords = new ArrayList<>();
        private final List<JsonFields> annotations = new ArrayList<>();

        private FileScope(Path file, String subset) {
            this.file = file;
            this.subset = subset;
        }

        void accept(String section, JsonFields element) {
            switch (section) {
                case "categories" -> categories.add(element);
                case "images" -> imageRecords.add(element);
                default -> annotations.add(element);
            }
        }

        void end() {
            Map<Long, LabelId> labels = new HashMap<>();
            for (JsonFields c : categories) {
                guarded(() -> category(c, labels));
            }
            Map<Long, Pending> byId = new LinkedHashMap<>();
            for (JsonFields im : imageRecords) {
                guarded(() -> image(im, byId));
            }
            for (JsonFields a : annotations) {
                guarded(() -> annotation(a, labels, byId));
            }
            for (Pending p : byId.values()) {
                String id = itemIds.add(p.id) ? p.id : subset + "/" + p.id;
                itemIds.add(id);
                images.add(new PanopticImage(id, subset, p.cocoId, p.ref, Optional.ofNullable(p.png),
                        p.pngLocation == null ? file.getFileName().toString() : p.pngLocation, p.segments));
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
            OptionalLong isThing = c.optionalLong("isthing");
            if (isThing.isPresent() && isThing.getAsLong() != 0 && isThing.getAsLong() != 1) {
                throw c.fail("isthing", c.node().get("isthing"), "expected 0 or 1");
            }
            boolean stuff = isThing.isPresent() && isThing.getAsLong() == 0;
            Optional<LabelClass> sameName = schema.byName(name);
            if (sameName.isPresent()) {
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
            if (stuff) {
                schema.update(schema.get(id).orElseThrow().withKinds(EnumSet.of(AnnotationKind.MASK)));
            }
            labels.put(rawId, id);
        }

        private void image(JsonFields im, Map<Long, Pending> byId) {
            long cocoId = im.requireLong("id");
            String name = im.requireText("file_name");
            if (byId.containsKey(cocoId)) {
                throw im.fail("id", im.node().get("id"), "expected a unique image id");
            }
            Path path = CocoImages.resolve(root, subset, name, im.location());
            Optional<ImageSize> declared = declaredSize(im);
            Optional<ImageSize> actual = ImageProbe.size(path);
            if (actual.isEmpty()) {
                report.warn(new FieldError(im.location(), "file_name", name, "expected an image file at "
                        + root.toAbsolutePath().normalize().relativize(path) + " (missing or unreadable)"));
            } else if (declared.isPresent() && !declared.get().equals(actual.get())) {
                report.warn(new FieldError(im.location(), "width/height", declared.get().width() + "x" + declared.get().height(),
                        "expected the size of the image file, " + actual.get().width() + "x" + actual.get().height()
                                + " (the file's size is used)"));
            }
            Optional<ImageSize> size = actual.isPresent() ? actual : declared;
            byId.put(cocoId, new Pending(cocoId, CocoImages.stem(name), new ImageRef(path.toString(), size, Optional.empty())));
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

        private void annotation(JsonFields a, Map<Long, LabelId> labels, Map<Long, Pending> byId) {
            long imageId = a.requireLong("image_id");
            Pending image = byId.get(imageId);
            if (image == null) {
                throw a.fail("image_id", a.node().get("image_id"), "expected the id of an image listed in images");
            }
            if (image.png != null) {
                throw a.fail("image_id", a.node().get("image_id"), "expected one panoptic record per image");
            }
            String png = a.requireText("file_name");
            image.png = SafePaths.resolveInside(CocoPanopticReader.pngFolder(file), png, a.location(), "file_name");
            image.pngLocation = a.location();
            JsonNode infos = a.node().get("segments_info");
            if (infos == null || !infos.isArray()) {
                throw a.fail("segments_info", infos, "expected an array of segments");
            }
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < infos.size(); i++) {
                JsonFields s = new JsonFields(infos.get(i), a.location() + "/segments_info/" + i);
                guarded(() -> {
                    PanopticImage.Segment segment = segment(s, labels);
                    if (!seen.add(segment.id())) {
                        throw s.fail("id", s.node().get("id"), "expected a segment id unique within the image");
                    }
                    image.segments.add(segment);
                });
            }
        }

        private PanopticImage.Segment segment(JsonFields s, Map<Long, LabelId> labels) {
            long id = s.requireLong("id");
            if (id < 1 || id > PanopticPng.MAX_ID) {
                throw s.fail("id", s.node().get("id"), "expected a segment id in [1, " + PanopticPng.MAX_ID + "] (an RGB colour)");
            }
            long categoryId = s.requireLong("category_id");
            LabelId label = labels.computeIfAbsent(categoryId, raw -> {
                String name = "category_" + raw;
                report.warn(s.error("category_id", s.node().get("category_id"),
                        "expected a category listed in categories; added as class \"" + name + "\""));
                return schema.byName(name).map(LabelClass::id).orElseGet(() -> schema.add(name));
            });
            OptionalLong crowd = s.optionalLong("iscrowd");
            if (crowd.isPresent() && crowd.getAsLong() != 0 && crowd.getAsLong() != 1) {
                throw s.fail("iscrowd", s.node().get("iscrowd"), "expected 0 or 1");
            }
            OptionalDouble area = s.optionalDouble("area");
            Optional<double[]> bbox = s.has("bbox") ? Optional.of(s.numbers("bbox", s.node().get("bbox"), 4)) : Optional.empty();
            return new PanopticImage.Segment(id, label, crowd.isPresent() && crowd.getAsLong() == 1, area, bbox, s.location());
        }

    }


    /** An image while its file is read. */
    private static final class Pending {
        final long cocoId;
        final String id;
        final ImageRef ref;
        Path png;
        String pngLocation;
        final List<PanopticImage.Segment> segments = new ArrayList<>();

        Pending(long cocoId, String id, ImageRef ref) {
            this.cocoId = cocoId;
            this.id = id;
            this.ref = ref;
        }
    }
}
