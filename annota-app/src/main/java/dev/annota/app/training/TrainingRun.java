package dev.annota.app.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.store.models.ModelRecord;
import dev.annota.train.TrainResult;
import dev.annota.train.loop.EpochStats;
import dev.annota.train.pkg.SliceReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A finished training in a project: the registered (and linked) model, what annota-train reported, the metrics
 * per slice, and the run folder (the package with its model card, metrics and learning curves).
 */
public record TrainingRun(ModelRecord model, TrainResult result, List<SliceReport.Slice> slices, Path folder) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public TrainingRun {
        slices = List.copyOf(slices);
    }

    /** The report as JSON: model id, name and version, mode, labels, epochs, validation and test metrics, slices, seconds. */
    public ObjectNode toJson() {
        ObjectNode n = JSON.createObjectNode();
        n.put("model_id", model.id());
        n.put("model_name", model.name());
        n.put("model_version", model.version());
        n.put("mode", result.mode().id());
        n.set("labels", JSON.valueToTree(result.labels()));
        n.set("epochs", epochs(result.history()));
        n.set("validation", JSON.valueToTree(finite(result.validation())));
        n.set("test", JSON.valueToTree(finite(result.test())));
        ArrayNode s = n.putArray("slices");
        for (SliceReport.Slice slice : slices) {
            s.addObject().put("field", slice.field()).put("value", slice.value()).put("images", slice.images())
                    .put("accuracy", slice.accuracy());
        }
        n.put("weights_sha256", result.weightsSha256());
        n.put("seconds", result.seconds());
        n.put("folder", folder.toString());
        return n;
    }

    /** Each epoch: {epoch, loss, val_loss, val_accuracy, val_macro_f1, lr, seconds}. */
    static ArrayNode epochs(List<EpochStats> history) {
        ArrayNode a = JSON.createArrayNode();
        for (EpochStats e : history) {
            ObjectNode o = a.addObject();
            o.put("epoch", e.epoch());
            putFinite(o, "loss", e.trainLoss());
            putFinite(o, "val_loss", e.validationLoss());
            putFinite(o, "val_accuracy", e.validationAccuracy());
            putFinite(o, "val_macro_f1", e.validationMacroF1());
            o.put("lr", e.learningRate());
            o.put("seconds", e.seconds());
        }
        return a;
    }

    private static void putFinite(ObjectNode o, String k, double v) {
        if (Double.isFinite(v)) {
            o.put(k, v);
        } else {
            o.putNull(k);
        }
    }

    private static Map<String, Double> finite(Map<String, Double> m) {
        java.util.Map<String, Double> out = new java.util.TreeMap<>();
        m.forEach((k, v) -> out.put(k, v == null || !Double.isFinite(v) ? null : v));
        return out;
    }
}
