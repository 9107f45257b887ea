package dev.annota.infer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.geometry.RleCodec;
import dev.annota.infer.descriptor.Task;
import java.util.List;

/**
 * The one JSON shape of predictions, shared by {@code annota predict --json} and {@code POST
 * /api/v1/models/{id}/predict}: {@code {"results": [{"image", "classes": [{"label", "score"}], "detections":
 * [{"label", "score", "bbox": [x, y, w, h]}]}]}}; segmentation models add {@code "masks"} with {@code bbox},
 * {@code area} and a COCO {@code segmentation} RLE. Scores are rounded to 6 decimals, coordinates to 2.
 */
public final class PredictionJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PredictionJson() {
    }

    /** An image's name and what the model said about it. */
    public record Named(String image, Prediction prediction) {
    }

    /** {@code {"results": [...]}} for these predictions of a model of {@code task}. */
    public static ObjectNode results(List<Named> predictions, Task task) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("results");
        for (Named n : predictions) {
            list.add(result(n.image(), n.prediction(), task));
        }
        return root;
    }

    /** One entry of {@code results}. */
    public static ObjectNode result(String image, Prediction p, Task task) {
        ObjectNode o = NODES.objectNode();
        o.put("image", image);
        ArrayNode classes = o.putArray("classes");
        for (ClassScore c : p.classes()) {
            classes.addObject().put("label", c.label().name()).put("score", round(c.score(), 6));
        }
        ArrayNode detections = o.putArray("detections");
        for (Detection d : p.detections()) {
            bbox(detections.addObject().put("label", d.label().name()).put("score", round(d.score(), 6)), d.box());
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

    /** {@code "bbox": [x, y, w, h]} rounded to 2 decimals. */
    public static void bbox(ObjectNode o, PixelBox b) {
        o.putArray("bbox").add(round(b.x(), 2)).add(round(b.y(), 2)).add(round(b.width(), 2)).add(round(b.height(), 2));
    }

    /** {@code v} rounded to {@code digits} decimals. */
    public static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
