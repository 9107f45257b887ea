package dev.annota.formats.cocopanoptic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.ImportReport;
import dev.annota.formats.SafePaths;
import dev.annota.formats.coco.CocoCatalog;
import dev.annota.formats.json.JsonObjectFields;
import dev.annota.formats.json.JsonObjectFields.NullValue;
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
import java.util.function.UnaryOperator;

/** Builds the schema and the images (with their segments) of a COCO panoptic dataset, file by file. */
final class PanopticAssembler {
    private final CocoCatalog catalog;
    private final List<PanopticImage> images = new ArrayList<>();

    PanopticAssembler(Path root, ImportReport report) {
        this.catalog = new CocoCatalog(root, report);
    }

    LabelSchema schema() {
        return catalog.schema();
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
        private final List<JsonObjectFields> categories = new ArrayList<>();
        private final List<JsonObjectFields> imageRecords = new ArrayList<>();
        private final List<JsonObjectFields> annotations = new ArrayList<>();

        private FileScope(Path file, String subset) {
            this.file = file;
            this.subset = subset;
        }

        void accept(String section, JsonObjectFields element) {
            switch (section) {
                case "categories" -> categories.add(element);
                case "images" -> imageRecords.add(element);
                default -> annotations.add(element);
            }
        }

        void end() {
            Map<Long, LabelId> labels = new HashMap<>();
            for (JsonObjectFields c : categories) {
                catalog.guarded(() -> catalog.category(c, labels, FileScope::thingOrStuff));
            }
            Map<Long, Pending> byId = new LinkedHashMap<>();
            for (JsonObjectFields im : imageRecords) {
                catalog.guarded(() -> {
                    CocoCatalog.Image image = catalog.image(im, subset, byId::containsKey);
                    byId.put(image.cocoId(), new Pending(image));
                });
            }
            for (JsonObjectFields a : annotations) {
                catalog.guarded(() -> annotation(a, labels, byId));
            }
            for (Pending p : byId.values()) {
                CocoCatalog.Image im = p.image;
                images.add(new PanopticImage(catalog.uniqueItemId(subset, im.id()), subset, im.cocoId(), im.ref(),
                        Optional.ofNullable(p.png), p.pngLocation == null ? file.getFileName().toString() : p.pngLocation,
                        p.segments));
            }
        }

        /** A stuff class ({@code isthing: 0}) allows only masks; a thing class keeps every kind. */
        private static UnaryOperator<LabelClass> thingOrStuff(JsonObjectFields c) {
            OptionalLong isThing = c.optionalLong("isthing");
            if (isThing.isPresent() && isThing.getAsLong() != 0 && isThing.getAsLong() != 1) {
                throw c.fail("isthing", c.node().get("isthing"), "expected 0 or 1");
            }
            boolean stuff = isThing.isPresent() && isThing.getAsLong() == 0;
            return stuff ? cls -> cls.withKinds(EnumSet.of(AnnotationKind.MASK)) : UnaryOperator.identity();
        }

        private void annotation(JsonObjectFields a, Map<Long, LabelId> labels, Map<Long, Pending> byId) {
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
                JsonObjectFields s = new JsonObjectFields(infos.get(i), a.location() + "/segments_info/" + i, NullValue.TEXT);
                catalog.guarded(() -> {
                    PanopticImage.Segment segment = segment(s, labels);
                    if (!seen.add(segment.id())) {
                        throw s.fail("id", s.node().get("id"), "expected a segment id unique within the image");
                    }
                    image.segments.add(segment);
                });
            }
        }

        private PanopticImage.Segment segment(JsonObjectFields s, Map<Long, LabelId> labels) {
            long id = s.requireLong("id");
            if (id < 1 || id > PanopticPng.MAX_ID) {
                throw s.fail("id", s.node().get("id"), "expected a segment id in [1, " + PanopticPng.MAX_ID + "] (an RGB colour)");
            }
            LabelId label = catalog.label(s, labels);
            OptionalLong crowd = s.optionalLong("iscrowd");
            if (crowd.isPresent() && crowd.getAsLong() != 0 && crowd.getAsLong() != 1) {
                throw s.fail("iscrowd", s.node().get("iscrowd"), "expected 0 or 1");
            }
            OptionalDouble area = s.optionalNumber("area");
            Optional<double[]> bbox = s.has("bbox") ? Optional.of(s.numbers("bbox", s.node().get("bbox"), 4)) : Optional.empty();
            return new PanopticImage.Segment(id, label, crowd.isPresent() && crowd.getAsLong() == 1, area, bbox, s.location());
        }

    }


    /** An image while its file is read. */
    private static final class Pending {
        final CocoCatalog.Image image;
        Path png;
        String pngLocation;
        final List<PanopticImage.Segment> segments = new ArrayList<>();

        Pending(CocoCatalog.Image image) {
            this.image = image;
        }
    }
}
