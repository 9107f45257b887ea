package dev.annota.spark;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.schema.Names;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Classification accuracy of an eval job: each image's true {@code label} against its predicted classes (best
 * first). A prediction matches when its label, or one of its comma-separated synonyms (ImageNet's
 * {@code "tabby, tabby cat"}), normalised as class names are ({@link Names#normalise}), equals the true label.
 *
 * @param images    images with a label that were read
 * @param top1      of those, how many had the true class first
 * @param topK      how many had it among the classes kept
 * @param k         the most classes kept for an image
 * @param perClass  true label → {images, top1}
 */
public record EvalSummary(long images, long top1, long topK, int k, Map<String, long[]> perClass) {
    public EvalSummary {
        perClass = Map.copyOf(perClass);
    }

    static EvalSummary of(Dataset<Row> predictions) {
        Iterator<Row> rows = predictions.filter(predictions.col("label").isNotNull()).select("label", "classes").toLocalIterator();
        long n = 0, top1 = 0, topK = 0;
        int k = 0;
        Map<String, long[]> perClass = new TreeMap<>();
        while (rows.hasNext()) {
            Row r = rows.next();
            String truth = Names.normalise(r.getString(0));
            List<Row> classes = r.isNullAt(1) ? List.of() : r.getList(1);
            k = Math.max(k, classes.size());
            int rank = -1;
            for (int i = 0; i < classes.size() && rank < 0; i++) {
                if (matches(classes.get(i).getString(1), truth)) {
                    rank = i;
                }
            }
            n++;
            long[] counts = perClass.computeIfAbsent(r.getString(0), x -> new long[2]);
            counts[0]++;
            if (rank == 0) {
                top1++;
                counts[1]++;
            }
            if (rank >= 0) {
                topK++;
            }
        }
        return new EvalSummary(n, top1, topK, k, perClass);
    }

    static boolean matches(String modelLabel, String normalisedTruth) {
        if (Names.normalise(modelLabel).equals(normalisedTruth)) {
            return true;
        }
        for (String synonym : modelLabel.split(",")) {
            if (Names.normalise(synonym).equals(normalisedTruth)) {
                return true;
            }
        }
        return false;
    }

    public double top1Accuracy() {
        return images == 0 ? 0 : (double) top1 / images;
    }

    public double topKAccuracy() {
        return images == 0 ? 0 : (double) topK / images;
    }

    ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("images", images).put("top1_accuracy", top1Accuracy()).put("k", k).put("topk_accuracy", topKAccuracy());
        var classes = o.putArray("per_class");
        new TreeMap<>(perClass).forEach((label, c) -> classes.addObject().put("label", label).put("images", c[0])
                .put("top1_accuracy", c[0] == 0 ? 0 : (double) c[1] / c[0]));
        return o;
    }
}
