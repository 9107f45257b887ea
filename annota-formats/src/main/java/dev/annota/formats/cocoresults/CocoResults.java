package dev.annota.formats.cocoresults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.AnnotationInfo;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.KeypointsAnnotation;
import dev.annota.core.annotation.MaskAnnotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Keypoint;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.Rle;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelId;
import dev.annota.formats.ImportReport;
import dev.annota.formats.coco.CocoRecords;
import dev.annota.formats.coco.JsonElements;
import dev.annota.formats.json.JsonObjectFields;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Reads a COCO results file against its ground truth, following pycocotools' {@code COCO.loadRes}:
 * <ul>
 *   <li>the kind of every result is decided by the first one, as {@code loadRes} does: a non-empty
 *       {@code bbox} makes all results boxes ({@link BoxAnnotation}; area w·h, any segmentation ignored);
 *       else {@code segmentation} makes them masks ({@link MaskAnnotation} from a compressed or uncompressed
 *       RLE; its box is the mask's {@code toBbox}); else {@code keypoints} makes them keypoints
 *       ({@link KeypointsAnnotation}; every point counts, so its box is the extent of all points, as
 *       {@code loadRes} computes it; the third value of each triple is a confidence that COCOeval ignores,
 *       so the points are read as visible);</li>
 *   <li>{@code image_id} must be an image of the ground truth (its item's {@code coco_image_id}) and
 *       {@code category_id} a class of its schema ({@code loadRes} asserts the first); {@code score} in [0, 1].</li>
 * </ul>
 * The result is the ground truth's items (same ids, images, subsets) holding the results instead of their
 * annotations, each with {@link Source#model} (the results file's name) and its score as confidence.
 */
public final class CocoResults {
    private CocoResults() {
    }

    /** The kind of every result of a file, chosen by its first result. */
    enum Kind { BBOX, SEGM, KEYPOINTS }

    public static Dataset read(Path results, Dataset groundTruth, ImportReport report) throws IOException {
        Map<Long, String> imageIds = new HashMap<>();
        try (Stream<Item> items = groundTruth.items()) {
            items.forEach(i -> {
                String coco = i.metadata().get("coco_image_id");
                if (coco != null) {
                    imageIds.put(Long.parseLong(coco), i.id());
                }
            });
        }
        String name = results.getFileName().toString();
        Source source = Source.model(name.endsWith(".json") ? name.substring(0, name.length() - 5) : name, "coco-results");
        Map<String, List<Annotation>> byItem = new HashMap<>();
        Kind[] kind = new Kind[1];
        JsonElements.array(results, f -> {
            try {
                if (kind[0] == null) {
                    kind[0] = kindOf(f);
                }
                long imageId = f.requireLong("image_id");
                String item = imageIds.get(imageId);
                if (item == null) {
                    throw f.fail("image_id", f.node().get("image_id"), "expected the id of an image of the ground truth");
                }
                Annotation a = convert(f, kind[0], groundTruth, source);
                byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(a);
            } catch (ValidationException e) {
                report.error(e);
            }
        }, report);
        return Dataset.streaming(groundTruth.schema(),
                () -> groundTruth.items().map(i -> i.withAnnotations(byItem.getOrDefault(i.id(), List.of()))));
    }

    private static Kind kindOf(JsonObjectFields f) {
        JsonNode bbox = f.node().get("bbox");
        if (bbox != null && bbox.isArray() && !bbox.isEmpty()) {
            return Kind.BBOX;
        }
        if (f.has("segmentation")) {
            return Kind.SEGM;
        }
        if (f.has("keypoints")) {
            return Kind.KEYPOINTS;
        }
        throw f.fail("bbox", bbox, "expected a result with bbox, segmentation (RLE) or keypoints (captions are not read)");
    }

    private static Annotation convert(JsonObjectFields f, Kind kind, Dataset gt, Source source) {
        long category = f.requireLong("category_id");
        if (category < 1 || category > Integer.MAX_VALUE || !gt.schema().contains(LabelId.of((int) category))) {
            throw f.fail("category_id", f.node().get("category_id"), "expected a category of the ground truth");
        }
        OptionalDouble score = f.optionalNumber("score");
        if (score.isEmpty()) {
            throw f.fail("score", null, "expected a score");
        }
        if (!(score.getAsDouble() >= 0 && score.getAsDouble() <= 1)) {
            throw f.fail("score", f.node().get("score"), "expected a score in [0, 1]");
        }
        AnnotationInfo info = new AnnotationInfo(LabelId.of((int) category), Map.of(), source, score,
                false, 0, OptionalInt.empty());
        return switch (kind) {
            case BBOX -> new BoxAnnotation(info, CocoRecords.box(f));
            case SEGM -> new MaskAnnotation(info, rle(f));
            case KEYPOINTS -> keypoints(f, info);
        };
    }

    private static Rle rle(JsonObjectFields f) {
        JsonNode seg = f.node().get("segmentation");
        if (seg == null || !seg.isObject()) {
            throw f.fail("segmentation", seg, "expected an RLE object {size, counts} (loadRes reads segm results as RLE)");
        }
        return CocoRecords.rle(f, seg);
    }

    private static Annotation keypoints(JsonObjectFields f, AnnotationInfo info) {
        double[] xyv = f.numbers("keypoints", f.node().get("keypoints"), -1);
        if (xyv.length == 0 || xyv.length % 3 != 0) {
            throw f.fail("keypoints", f.node().get("keypoints"), "expected x, y, score triples");
        }
        List<Keypoint> points = new ArrayList<>(xyv.length / 3);
        for (int i = 0; i < xyv.length; i += 3) {
            points.add(Keypoint.visible(xyv[i], xyv[i + 1]));
        }
        return new KeypointsAnnotation(info, new Keypoints(points));
    }

    /** The box loadRes gives a result: the box itself, the mask's toBbox, or the keypoints' extent. */
    public static Optional<PixelBox> derivedBox(Annotation result) {
        return result.boundingBox();
    }
}
