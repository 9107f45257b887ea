package dev.annota.formats.coco;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.core.schema.Skeleton;
import dev.annota.formats.ImportReport;
import dev.annota.formats.json.JsonObjectFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The first pass over a COCO dataset: builds the schema and, for each file, a {@link CocoFileIndex} of its
 * images and of where each readable annotation record lies in the file. Every record is converted once here,
 * so every warning and error is reported by {@code read()}, but the converted annotations are not kept: the
 * items are built again from the file, record by record, on each pass over the dataset.
 */
final class CocoAssembler {
    private final ImportReport report;
    private final CocoCatalog catalog;

    CocoAssembler(Path root, ImportReport report) {
        this.report = report;
        this.catalog = new CocoCatalog(root, report);
    }

    LabelSchema schema() {
        return catalog.schema();
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
        private final List<CocoCatalog.Image> images = new ArrayList<>();
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

        void image(JsonObjectFields im) {
            catalog.guarded(() -> {
                CocoCatalog.Image image = catalog.image(im, subset, imageIndex::containsKey);
                imageIndex.put(image.cocoId(), images.size());
                images.add(image);
            });
        }

        void category(JsonObjectFields c) {
            catalog.guarded(() -> catalog.category(c, labels, this::skeletonOf));
        }

        /** Converts one annotation record (reporting its problems) and remembers where it lies in the file. */
        void annotation(JsonObjectFields a, long offset, int length) {
            catalog.guarded(() -> {
                int image = annotation(a);
                index.add(image, offset, length);
            });
        }

        CocoFileIndex end() throws IOException {
            List<CocoFileIndex.Image> done = new ArrayList<>(images.size());
            for (CocoCatalog.Image e : images) {
                done.add(new CocoFileIndex.Image(e.cocoId(), catalog.uniqueItemId(subset, e.id()), e.ref()));
            }
            return index.build(file, subset, done, labels);
        }

        /** The skeleton a {@code categories} record declares, for its class. */
        private UnaryOperator<LabelClass> skeletonOf(JsonObjectFields c) {
            Optional<Skeleton> skeleton = skeleton(c);
            return cls -> skeleton.map(cls::withSkeleton).orElse(cls);
        }

        private Optional<Skeleton> skeleton(JsonObjectFields c) {
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

        /** The index of the record's image; throws when the record is broken beyond use. */
        private int annotation(JsonObjectFields a) {
            long imageId = a.requireLong("image_id");
            Integer image = imageIndex.get(imageId);
            if (image == null) {
                throw a.fail("image_id", a.node().get("image_id"), "expected the id of an image listed in images");
            }
            LabelId label = catalog.label(a, labels);
            CocoRecords.toAnnotations(a, label, images.get(image).ref().size(), report::warn, report::error);
            return image;
        }

    }
}
