package dev.annota.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the benchmarks and prints one JSON document: for each, our time, the baseline's time from the same
 * run, and the speedup ratio. {@code BenchMain NAME...} runs only the named ones; {@code --seconds N} sets how
 * long the timed benchmarks run (server-save: 60 s per phase by default); {@code --databases sqlite} runs
 * server-save on one database only.
 */
public final class BenchMain {
    private BenchMain() {
    }

    private static Map<String, Supplier<BenchResult>> benchmarks(double seconds, List<String> databases, int images) {
        Map<String, Supplier<BenchResult>> all = new LinkedHashMap<>();
        all.put("rasterize-polygons", GeometryBench::rasterizePolygons);
        all.put("mask-iou-matrix", GeometryBench::maskIouMatrix);
        all.put("shapes-generate", DataBench::generateScenes);
        all.put("coco-write-read", DataBench::cocoRoundTrip);
        all.put("coco-eval", CocoEvalBench::cocoEval);
        all.put("coco-scale", CocoScaleBench::run);
        all.put("roc-auc", ClassificationBench::rocAuc);
        all.put("server-save", () -> ServerSaveBench.run(databases, seconds, ServerSaveBench.CLIENTS, ServerSaveBench.IMAGES));
        all.put("serve-model", () -> ServeBench.run(seconds));
        all.put("knn", EmbeddingBench::knn);
        all.put("embed", EmbeddingBench::embed);
        all.put("prelabel", PrelabelBench::run);
        all.put("consensus", ConsensusBench::consensus);
        all.put("spark-prelabel", SparkPrelabelBench::run);
        all.put("train-fmnist", TrainFmnistBench::run);
        all.put("train-head", TrainHeadBench::run);
        all.put("db-scale", () -> DbScaleBench.run(databases, images > 0 ? images : DbScaleBench.DEFAULT_IMAGES));
        all.put("active-learning", ActiveLearningBench::run);
        return all;
    }

    public static void main(String[] args) throws IOException {
        List<String> names = new ArrayList<>();
        double seconds = 60;
        List<String> databases = List.of("sqlite", "postgresql");
        int images = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seconds") && i + 1 < args.length) {
                seconds = parseSeconds(args[++i]);
            } else if (args[i].equals("--databases") && i + 1 < args.length) {
                databases = parseDatabases(args[++i]);
            } else if (args[i].equals("--images") && i + 1 < args.length) {
                images = (int) parseSeconds(args[++i]);
            } else {
                names.add(args[i]);
            }
        }
        Map<String, Supplier<BenchResult>> all = benchmarks(seconds, databases, images);
        if (names.isEmpty()) {
            names.addAll(all.keySet());
        }
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("java", System.getProperty("java.version"));
        root.put("cores", Runtime.getRuntime().availableProcessors());
        ArrayNode results = root.putArray("results");
        for (String name : names) {
            Supplier<BenchResult> b = all.get(name);
            if (b == null) {
                System.err.println("unknown benchmark " + name + "; known: " + all.keySet());
                System.exit(2);
            }
            System.err.println("running " + name + " ...");
            BenchResult r = b.get();
            ObjectNode o = results.addObject();
            o.put("name", r.name());
            o.put("unit", r.unit());
            o.put("ours_s", r.oursSeconds());
            o.put("baseline", r.baseline());
            o.put("baseline_s", r.baselineSeconds());
            o.put("speedup", r.speedup());
            o.set("details", json.valueToTree(r.details()));
        }
        root.put("sink", Timer.sink());
        System.out.println(json.writeValueAsString(root));
        System.exit(0);
    }

    private static List<String> parseDatabases(String raw) {
        List<String> names = List.of(raw.split(","));
        if (names.isEmpty() || !List.of("sqlite", "postgresql").containsAll(names)) {
            System.err.println("--databases: expected sqlite, postgresql or sqlite,postgresql, got " + raw);
            System.exit(2);
        }
        return names;
    }

    private static double parseSeconds(String raw) {
        try {
            double s = Double.parseDouble(raw);
            if (s > 0) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        System.err.println("--seconds: expected a positive number of seconds, got " + raw);
        System.exit(2);
        return 0;
    }
}
