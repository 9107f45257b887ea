package dev.annota.train.pkg;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.eval.classification.MultiLabelMetrics;
import dev.annota.eval.classification.SingleLabelMetrics;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.descriptor.InputSpec;
import dev.annota.infer.descriptor.Layout;
import dev.annota.infer.descriptor.ResizeMode;
import dev.annota.train.TrainConfig;
import dev.annota.train.TrainMode;
import dev.annota.train.TrainResult;
import dev.annota.train.Training;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.Split;
import dev.annota.train.loop.EpochStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a model package: {@code model.onnx} and {@code model.json} (what {@code annota predict --model DIR}
 * runs), {@code labels.txt}, {@code metrics.json} (validation and test), {@code history.json} (per epoch),
 * {@code provenance.json}, {@code MODEL_CARD.md} and {@code learning_curves.png}.
 */
public final class PackageWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackageWriter() {
    }

    public static void write(Path out, TrainConfig config, Dataset data, Split split, InputSpec input, byte[] onnx, boolean multi,
            double[] thresholds, TrainResult result, Object testDetail, Map<String, String> backbone) throws IOException {
        Path model = out.resolve("model.onnx");
        Files.write(model, onnx);
        Files.write(out.resolve("labels.txt"), (String.join("\n", data.labels().names()) + "\n").getBytes(StandardCharsets.UTF_8));
        ObjectNode d = JSON.createObjectNode();
        d.put("name", out.toAbsolutePath().getFileName().toString());
        d.put("task", multi ? "multi_label" : "classification");
        d.put("model", "model.onnx");
        d.put("sha256", ModelPackages.sha256(model));
        d.put("labels", "labels.txt");
        d.set("input", input(input));
        ObjectNode o = d.putObject("output");
        o.put("decoder", "classifier");
        o.put("name", Training.OUTPUT);
        o.put("activation", "none");
        ObjectNode post = d.putObject("postprocess");
        post.put("score_threshold", multi ? 0.5 : 0.0);
        post.put("top_k", multi ? data.labels().size() : Math.min(5, data.labels().size()));
        JSON.writeValue(out.resolve("model.json").toFile(), d);

        ObjectNode metrics = JSON.createObjectNode();
        metrics.set("validation", JSON.valueToTree(nanToNull(result.validation())));
        metrics.set("test", JSON.valueToTree(nanToNull(result.test())));
        if (testDetail instanceof SingleLabelMetrics s) {
            ArrayNode cm = metrics.putArray("test_confusion_matrix");
            for (long[] row : s.confusion().counts()) {
                ArrayNode r = cm.addArray();
                for (long v : row) {
                    r.add(v);
                }
            }
        } else if (testDetail instanceof MultiLabelMetrics m) {
            metrics.put("test_micro_f1", m.perLabel().micro().f1());
        }
        if (thresholds != null) {
            ObjectNode t = metrics.putObject("thresholds");
            for (int l = 0; l < thresholds.length; l++) {
                t.put(data.labels().name(l), thresholds[l]);
            }
        }
        JSON.writeValue(out.resolve("metrics.json").toFile(), metrics);
        JSON.writeValue(out.resolve("history.json").toFile(), result.history());

        ObjectNode p = JSON.createObjectNode();
        p.put("dataset", data.source());
        p.put("dataset_sha256", data.contentHash());
        p.put("images", data.size());
        p.put("train", split.train().length);
        p.put("validation", split.validation().length);
        p.put("test", split.test().length);
        p.set("labels", JSON.valueToTree(data.labels().names()));
        p.set("config", JSON.valueToTree(configMap(config)));
        if (!backbone.isEmpty()) {
            p.set("backbone", JSON.valueToTree(backbone));
        }
        p.put("weights_sha256", result.weightsSha256());
        p.put("code_version", System.getProperty("annota.commit", "unknown"));
        p.put("engine", "DJL 0.35.1 / PyTorch 2.7.1 (CPU)");
        p.put("created", Instant.now().toString());
        p.put("seconds", result.seconds());
        JSON.writeValue(out.resolve("provenance.json").toFile(), p);

        LearningCurves.write(result.history(), out.resolve("learning_curves.png"));
        Files.writeString(out.resolve("MODEL_CARD.md"), ModelCard.markdown(config, data, split, result, multi, thresholds, backbone));
    }

    private static ObjectNode input(InputSpec in) {
        ObjectNode n = JSON.createObjectNode();
        if (!in.name().isEmpty()) {
            n.put("name", in.name());
        }
        n.put("layout", in.layout() == Layout.NCHW ? "nchw" : "nhwc");
        n.put("width", in.width());
        n.put("height", in.height());
        if (in.resize().mode() == ResizeMode.STRETCH) {
            n.put("resize", "stretch");
        } else if (in.resize().mode() == ResizeMode.CENTER_CROP) {
            ObjectNode r = n.putObject("resize");
            r.put("mode", "center_crop");
            if (in.resize().shorterSide() > 0) {
                r.put("shorter_side", in.resize().shorterSide());
            }
        } else {
            ObjectNode r = n.putObject("resize");
            r.put("mode", "letterbox");
            r.put("pad", in.resize().padValue());
            r.put("align", in.resize().centered() ? "center" : "top_left");
        }
        n.put("color", in.color().name().toLowerCase(Locale.ROOT));
        if (in.scaleByImageMax()) {
            n.put("scale", "image_max");
        } else {
            n.put("scale", in.scale());
        }
        n.set("mean", JSON.valueToTree(in.mean()));
        n.set("std", JSON.valueToTree(in.std()));
        n.put("dtype", in.dtype().name().toLowerCase(Locale.ROOT));
        return n;
    }

    static Map<String, Object> configMap(TrainConfig c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("mode", c.mode().id());
        m.put("multi_label", c.multiLabel());
        m.put("epochs", c.epochs());
        m.put("seed", c.seed());
        m.put("batch_size", c.batchSize());
        m.put("learning_rate", c.learningRate());
        m.put("lr_schedule", "cosine to 1%");
        m.put("optimizer", "adam");
        m.put("weight_decay", c.weightDecay());
        m.put("dropout", c.dropout());
        m.put("early_stopping_patience", c.patience());
        m.put("class_weighted", c.classWeighted());
        if (c.mode() == TrainMode.CNN) {
            m.put("image_size", c.imageSize());
            m.put("augment", c.augment());
        } else {
            m.put("hidden", c.hidden());
        }
        m.put("validation_fraction", c.validation());
        m.put("test_fraction", c.test());
        m.put("threads", c.threads());
        return m;
    }

    static Map<String, Double> nanToNull(Map<String, Double> m) {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v == null || v.isNaN() ? null : v));
        return out;
    }

    static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static double last(java.util.List<EpochStats> h, java.util.function.ToDoubleFunction<EpochStats> f) {
        return h.isEmpty() ? Double.NaN : f.applyAsDouble(h.get(h.size() - 1));
    }
}
