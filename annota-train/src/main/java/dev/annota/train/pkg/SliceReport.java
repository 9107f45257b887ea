package dev.annota.train.pkg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.eval.classification.MultiLabelInput;
import dev.annota.eval.classification.SingleLabelInput;
import dev.annota.infer.ModelPackages;
import dev.annota.train.ModelEvaluation;
import dev.annota.train.TrainConfig;
import dev.annota.train.data.Dataset;
import dev.annota.train.data.Sample;
import dev.annota.train.data.Split;
import dev.annota.train.data.Splits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Metrics per slice: the written package is run (ONNX Runtime, as it serves) over the test part of the split that
 * {@link dev.annota.train.Training} used (the same seed gives the same split), and its accuracy (multi-label:
 * subset accuracy) is reported per value of each field the images carry — e.g. a metadata field such as
 * {@code camera} or {@code store}, or the image's split. A field is sliced when it has 2 to {@value #MAX_VALUES}
 * values over the data. Adds {@code slices} to {@code metrics.json} and a section to {@code MODEL_CARD.md}.
 */
public final class SliceReport {
    static final int MAX_VALUES = 20;

    /** One slice: the images of the test part whose field has this value, and the model's accuracy on them. */
    public record Slice(String field, String value, int images, double accuracy) {
    }

    private SliceReport() {
    }

    /**
     * Writes the slices of {@code fields} (sample id → field → value) into the package at {@code out}; returns them
     * (empty when no field qualifies or there is no test part).
     */
    public static List<Slice> write(Path out, TrainConfig config, Dataset data, Map<String, Map<String, String>> fields, int threads)
            throws IOException {
        boolean multi = config.multiLabel() || data.multiLabel();
        Dataset d = multi == data.multiLabel() ? data : new Dataset(data.source(), data.labels(), data.samples(), multi);
        Split split = Splits.trainValidationTest(d, config.validation(), config.test(), config.seed());
        List<String> sliced = slicedFields(d, fields);
        if (split.test().length == 0 || sliced.isEmpty()) {
            return List.of();
        }
        List<Sample> test = d.pick(split.test());
        ModelEvaluation.Result r = ModelEvaluation.evaluate(ModelPackages.resolve(out),
                new Dataset(d.source(), d.labels(), test, multi), d.source(), threads);
        boolean[] correct = new boolean[test.size()];
        if (r.single().isPresent()) {
            SingleLabelInput in = r.single().get();
            for (int i = 0; i < correct.length; i++) {
                correct[i] = in.yTrue()[i] == in.yPred()[i];
            }
        } else {
            MultiLabelInput in = r.multi().orElseThrow();
            for (int i = 0; i < correct.length; i++) {
                correct[i] = java.util.Arrays.equals(in.yTrue()[i], in.yPred()[i]);
            }
        }
        List<Slice> slices = new ArrayList<>();
        for (String field : sliced) {
            Map<String, int[]> counts = new TreeMap<>();
            for (int i = 0; i < test.size(); i++) {
                String v = fields.getOrDefault(test.get(i).id(), Map.of()).get(field);
                if (v != null && !v.isEmpty()) {
                    int[] c = counts.computeIfAbsent(v, k -> new int[2]);
                    c[0]++;
                    c[1] += correct[i] ? 1 : 0;
                }
            }
            counts.forEach((v, c) -> slices.add(new Slice(field, v, c[0], c[1] / (double) c[0])));
        }
        record(out, slices);
        return List.copyOf(slices);
    }

    private static List<String> slicedFields(Dataset d, Map<String, Map<String, String>> fields) {
        Map<String, TreeSet<String>> values = new TreeMap<>();
        for (Sample s : d.samples()) {
            fields.getOrDefault(s.id(), Map.of()).forEach((f, v) -> {
                if (v != null && !v.isEmpty()) {
                    values.computeIfAbsent(f, k -> new TreeSet<>()).add(v);
                }
            });
        }
        return values.entrySet().stream().filter(e -> e.getValue().size() >= 2 && e.getValue().size() <= MAX_VALUES)
                .map(Map.Entry::getKey).toList();
    }

    private static void record(Path out, List<Slice> slices) throws IOException {
        Path metricsFile = out.resolve("metrics.json");
        ObjectNode metrics = (ObjectNode) PackageWriter.JSON.readTree(metricsFile.toFile());
        ObjectNode node = metrics.putObject("slices");
        Map<String, List<Slice>> byField = new LinkedHashMap<>();
        slices.forEach(s -> byField.computeIfAbsent(s.field(), k -> new ArrayList<>()).add(s));
        StringBuilder md = new StringBuilder("## Metrics per slice\n\nAccuracy")
                .append(" on the test images, per value of each field the images carry (subset accuracy for multi-label).\n\n")
                .append("| field | value | test images | accuracy |\n|---|---|---:|---:|\n");
        byField.forEach((field, list) -> {
            ArrayNode a = node.putArray(field);
            for (Slice s : list) {
                ObjectNode o = a.addObject();
                o.put("value", s.value());
                o.put("images", s.images());
                o.put("accuracy", s.accuracy());
                md.append("| ").append(field).append(" | ").append(s.value()).append(" | ").append(s.images()).append(" | ")
                        .append(String.format(Locale.ROOT, "%.4f", s.accuracy())).append(" |\n");
            }
        });
        PackageWriter.JSON.writeValue(metricsFile.toFile(), metrics);
        Path card = out.resolve("MODEL_CARD.md");
        String text = Files.readString(card);
        int at = text.indexOf("## Limitations");
        text = at < 0 ? text + "\n" + md : text.substring(0, at) + md + "\n" + text.substring(at);
        Files.writeString(card, text);
    }
}
