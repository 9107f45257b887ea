package dev.annota.app.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.Keypoints;
import dev.annota.core.geometry.PixelBox;
import dev.annota.eval.coco.CocoCategory;
import dev.annota.eval.coco.CocoGroundTruth;
import dev.annota.eval.coco.CocoImage;
import dev.annota.eval.coco.GroundTruthObject;
import dev.annota.eval.coco.IouType;
import dev.annota.eval.coco.Segmentation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads a COCO ground-truth file ({@code images}, {@code categories}, {@code annotations}) in one streaming
 * pass, keeping only what evaluation of one IoU type needs: segmentations are read only for segm, keypoints
 * only for keypoints. Other fields are skipped.
 */
final class GroundTruthJson {
    private GroundTruthJson() {
    }

    static CocoGroundTruth read(JsonFactory factory, Path file, IouType type) throws IOException {
        List<CocoImage> images = new ArrayList<>();
        List<CocoCategory> categories = new ArrayList<>();
        List<GroundTruthObject> annotations = new ArrayList<>();
        try (JsonParser p = factory.createParser(file.toFile())) {
            JsonCursor c = new JsonCursor(p, file.toString());
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw c.fail("(root)", c.describe(), "expected a COCO object with images, annotations and categories");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                if (!key.equals("images") && !key.equals("categories") && !key.equals("annotations")) {
                    p.skipChildren();
                    continue;
                }
                if (t != JsonToken.START_ARRAY) {
                    c.at("/" + key);
                    throw c.fail(key, c.describe(), "expected an array");
                }
                int index = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    c.at("/" + key + "/" + index++);
                    c.requireObject(key);
                    switch (key) {
                        case "images" -> images.add(image(c));
                        case "categories" -> categories.add(category(c));
                        default -> annotations.add(annotation(c, type));
                    }
                }
            }
        }
        return new CocoGroundTruth(images, categories, annotations);
    }

    private static CocoImage image(JsonCursor c) throws IOException {
        JsonParser p = c.parser();
        Long id = null;
        int width = 0, height = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "id" -> id = c.integer("id");
                case "width" -> width = (int) size(c, "width");
                case "height" -> height = (int) size(c, "height");
                default -> c.skip();
            }
        }
        if (id == null) {
            throw c.fail("id", null, "expected the image's id");
        }
        return new CocoImage(id, width, height);
    }

    private static long size(JsonCursor c, String field) throws IOException {
        long v = c.integer(field);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw c.fail(field, Long.toString(v), "expected a non-negative pixel count");
        }
        return v;
    }

    private static CocoCategory category(JsonCursor c) throws IOException {
        JsonParser p = c.parser();
        Long id = null;
        String name = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            switch (key) {
                case "id" -> id = c.integer("id");
                case "name" -> name = p.currentToken() == JsonToken.VALUE_STRING ? p.getText() : "";
                default -> c.skip();
            }
        }
        if (id == null) {
            throw c.fail("id", null, "expected the category's id");
        }
        return new CocoCategory(id, name);
    }

    private static GroundTruthObject annotation(JsonCursor c, IouType type) throws IOException {
        JsonParser p = c.parser();
        Long id = null, imageId = null, categoryId = null;
        double area = Double.NaN;
        boolean crowd = false;
        Optional<PixelBox> box = Optional.empty();
        Optional<Segmentation> segmentation = Optional.empty();
        Optional<Keypoints> keypoints = Optional.empty();
        OptionalInt numKeypoints = OptionalInt.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (key) {
                case "id" -> id = c.integer("id");
                case "image_id" -> imageId = c.integer("image_id");
                case "category_id" -> categoryId = c.integer("category_id");
                case "area" -> area = c.number("area");
                case "iscrowd" -> crowd = c.flag("iscrowd");
                case "bbox" -> box = Optional.of(box(c));
                case "segmentation" -> {
                    if (type == IouType.SEGM) {
                        segmentation = Optional.of(SegmentationJson.read(c));
                    } else {
                        c.skip();
                    }
                }
                case "keypoints" -> {
                    if (type == IouType.KEYPOINTS) {
                        double[] k = c.numbers("keypoints");
                        try {
                            keypoints = Optional.of(Keypoints.fromFlat(k));
                        } catch (ValidationException e) {
                            throw e.at(c.location());
                        }
                    } else {
                        c.skip();
                    }
                }
                case "num_keypoints" -> numKeypoints = OptionalInt.of((int) c.integer("num_keypoints"));
                default -> c.skip();
            }
        }
        if (id == null || imageId == null || categoryId == null) {
            throw c.fail(id == null ? "id" : imageId == null ? "image_id" : "category_id", null,
                    "expected an integer (every annotation needs id, image_id and category_id)");
        }
        if (Double.isNaN(area)) {
            throw c.fail("area", null, "expected the annotation's area (COCO evaluation sorts objects by it)");
        }
        return new GroundTruthObject(id, imageId, categoryId, area, crowd, box, segmentation, keypoints, numKeypoints);
    }

    /** A {@code [x, y, w, h]} box with non-negative size. */
    static PixelBox box(JsonCursor c) throws IOException {
        double[] b = c.numbers("bbox");
        if (b.length != 4 || b[2] < 0 || b[3] < 0) {
            throw c.fail("bbox", JsonCursor.show(b), "expected [x, y, width, height]: 4 numbers, width and height >= 0");
        }
        return new PixelBox(b[0], b[1], b[2], b[3]);
    }
}
