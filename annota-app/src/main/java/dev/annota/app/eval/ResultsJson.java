package dev.annota.app.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.eval.coco.CocoResult;
import dev.annota.eval.coco.Segmentation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a COCO results file (a JSON array of {@code {image_id, category_id, score, bbox | segmentation |
 * keypoints}}) in one streaming pass. A {@code bbox} must hold 4 numbers (or be empty, which pycocotools
 * treats as "no box"); everything else about which fields count is {@code loadRes}'s business
 * ({@link dev.annota.eval.coco.LoadResults}).
 */
final class ResultsJson {
    private ResultsJson() {
    }

    static List<CocoResult> read(JsonFactory factory, Path file) throws IOException {
        List<CocoResult> out = new ArrayList<>();
        try (JsonParser p = factory.createParser(file.toFile())) {
            JsonCursor c = new JsonCursor(p, file.toString());
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw c.fail("(root)", c.describe(), "expected a JSON array of results");
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                c.at("/" + index++);
                c.requireObject("(result)");
                out.add(result(c));
            }
        }
        return out;
    }

    private static CocoResult result(JsonCursor c) throws IOException {
        JsonParser p = c.parser();
        long imageId = 0, categoryId = 0;
        boolean hasImage = false, hasCategory = false;
        double score = Double.NaN;
        Optional<double[]> bbox = Optional.empty();
        Optional<Segmentation> segmentation = Optional.empty();
        Optional<double[]> keypoints = Optional.empty();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            if (t == JsonToken.VALUE_NULL) {
                continue;
            }
            switch (key) {
                case "image_id" -> {
                    imageId = c.integer("image_id");
                    hasImage = true;
                }
                case "category_id" -> {
                    categoryId = c.integer("category_id");
                    hasCategory = true;
                }
                case "score" -> score = c.number("score");
                case "bbox" -> {
                    double[] b = c.numbers("bbox");
                    if ((b.length != 4 && b.length != 0) || (b.length == 4 && (b[2] < 0 || b[3] < 0))) {
                        throw c.fail("bbox", JsonCursor.show(b),
                                "expected [x, y, width, height]: 4 numbers, width and height >= 0");
                    }
                    bbox = Optional.of(b);
                }
                case "segmentation" -> segmentation = Optional.of(SegmentationJson.read(c));
                case "keypoints" -> {
                    double[] k = c.numbers("keypoints");
                    if (k.length == 0 || k.length % 3 != 0) {
                        throw c.fail("keypoints", k.length + " numbers", "expected [x1, y1, v1, ...] triples");
                    }
                    keypoints = Optional.of(k);
                }
                default -> c.skip();
            }
        }
        if (!hasImage || !hasCategory || Double.isNaN(score)) {
            throw c.fail(!hasImage ? "image_id" : !hasCategory ? "category_id" : "score", null,
                    "expected every result to have image_id, category_id and score");
        }
        return new CocoResult(imageId, categoryId, score, bbox, segmentation, keypoints);
    }
}
