package dev.annota.infer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.RleCodec;
import dev.annota.infer.descriptor.Task;
import java.util.List;

/**
 * The one JSON shape of predictions, written by {@code annota predict --json} and {@code annota serve-model}:
 * {@code {"results": [{"image": "...", "classes": [{"label", "score"}], "detections": [{"label", "score",
 * "bbox": [x, y, w, h]}], "masks": [...]}]}} (masks for segmentation models only). Scores have 6 decimals,
 * box coordinates 2.
 */
public final class PredictionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PredictionJson() {
    }

    /** {@code {"results": [...]}}, one entry per image, names and predictions in the same order. */
    public static ObjectNode results(List<String> images, List<Prediction> predictions, Task task) {
        if (images.size() != predictions.size()) {
            throw new IllegalArgumentException(images.size() + " image names for " + predictions.size() + " predictions");
        }
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("results");
        for (int i = 0; i < images.size(); i++) {
            list.add(result(images.get(i), predictions.get(i), task));
        }
        return root;
    }

    /** One image's entry. */
    public static ObjectNode result(String image, Prediction p, Task task) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("image", image);
        ArrayNode classes = o.putArray("classes");
        for (ClassScore c : p.classes()) {
            classes.addObject().put("label", c.label().name()).put("score", round(c.score(), 6));
        }
        ArrayNode detections = o.putArray("detections");
        for (Detection d : p.detections()) {
            ObjectNode dn = detections.addObject().put("label", d.label().name()).put("score", round(d.score(), 6));
            bbox(dn, d.box());
        }
        if (task == Task.SEGMENTATION) {
            ArrayNode masks = o.putArray("masks");
            for (SegmentMask m : p.masks()) {
                ObjectNode mn = masks.addObject().put("label", m.label().name()).put("score", round(m.score(), 6));
                bbox(mn, m.box());
                mn.put("area", m.mask().area());
                ObjectNode rle = mn.putObject("segmentation");
                rle.putArray("size").add(m.mask().height()).add(m.mask().width());
                rle.put("counts", RleCodec.encode(m.mask()));
            }
        }
        return o;
    }

    /** Writes {@code b} as {@code "bbox": [x, y, w, h]} rounded as the rest of the document. */
    public static void bbox(ObjectNode o, PixelBox b) {
        o.putArray("bbox").add(round(b.x(), 2)).add(round(b.y(), 2)).add(round(b.width(), 2)).add(round(b.height(), 2));
    }

    /** {@code v} rounded to {@code digits} decimals, as every score and coordinate of the document. */
    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
