package dev.annota.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * COCO at scale: a generated instances file of 100,000 images and 1,000,000 annotations (boxes and polygons,
 * half each) imported (read, then one full pass over the items) and exported (read, then written as COCO)
 * in child JVMs limited to {@code -Xmx512m}, against the baseline of a plain Jackson streaming read of every
 * token copied to a new file, measured in the same run in the same kind of child. Each child reports its wall
 * time (JVM start excluded) and peak heap (see {@link CocoScaleChild}); the ratio is ours / baseline.
 */
final class CocoScaleBench {
    static final String HEAP = "-Xmx512m";

    private CocoScaleBench() {
    }

    static BenchResult run() {
        return run(100_000, 10);
    }

    /** {@code images} images of 640×480 with {@code perImage} annotations each. */
    static BenchResult run(int images, int perImage) {
        try {
            Path dir = Files.createTempDirectory("annota-bench-coco-scale");
            try {
                return run(dir, images, perImage);
            } finally {
                deleteTree(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BenchResult run(Path dir, int images, int perImage) throws IOException {
        Path json = dir.resolve("coco/annotations/instances_default.json");
        Files.createDirectories(json.getParent());
        generate(json, images, perImage, 2024);
        long annotations = (long) images * perImage;

        Map<String, JsonNode> runs = new LinkedHashMap<>();
        runs.put("baseline", child("baseline", json, dir.resolve("copy.json")));
        runs.put("import", child("import", json, dir.resolve("unused")));
        runs.put("export", child("export", json, dir.resolve("export")));

        long imported = runs.get("import").get("count").asLong();
        if (imported != annotations) {
            throw new IllegalStateException("import counted " + imported + " annotations, expected " + annotations);
        }
        long[] exported = countElements(dir.resolve("export/annotations/instances_default.json"));
        if (exported[0] != images || exported[1] != annotations) {
            throw new IllegalStateException("export wrote " + exported[0] + " images and " + exported[1]
                    + " annotations, expected " + images + " and " + annotations);
        }
        double baseline = runs.get("baseline").get("seconds").asDouble();
        double importS = runs.get("import").get("seconds").asDouble();
        double exportS = runs.get("export").get("seconds").asDouble();

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("images", images);
        details.put("annotations", annotations);
        details.put("json_mb", Files.size(json) / 1048576.0);
        details.put("heap_limit", HEAP);
        details.put("baseline_s", baseline);
        details.put("import_s", importS);
        details.put("export_s", exportS);
        details.put("import_ratio", importS / baseline);
        details.put("export_ratio", exportS / baseline);
        details.put("exported_images", exported[0]);
        details.put("exported_annotations", exported[1]);
        details.put("export_problems", runs.get("export").get("count").asLong());
        double baselineCpu = runs.get("baseline").get("thread_cpu_s").asDouble();
        details.put("import_thread_cpu_ratio", runs.get("import").get("thread_cpu_s").asDouble() / baselineCpu);
        details.put("export_thread_cpu_ratio", runs.get("export").get("thread_cpu_s").asDouble() / baselineCpu);
        runs.forEach((mode, r) -> {
            details.put(mode + "_cpu_s", r.get("cpu_s").asDouble());
            details.put(mode + "_thread_cpu_s", r.get("thread_cpu_s").asDouble());
            details.put(mode + "_peak_pools_mb", r.get("peak_pools_mb").asDouble());
            details.put(mode + "_peak_sampled_mb", r.get("peak_sampled_mb").asDouble());
        });
        return new BenchResult("coco-scale", "seconds to read " + images + " images / " + annotations
                + " annotations and write them as COCO under " + HEAP,
                "Jackson streaming read of every token + streaming write of the same events, same JVM limit",
                exportS, baseline, details);
    }

    /**
     * A COCO instances file written with a plain generator: 10 categories; images {@code 000001.jpg}... of
     * 640×480 (no image files); per image, alternately a box and a polygon of 8 to 16 vertices, coordinates
     * with two decimals as COCO's own files have. Deterministic for a seed.
     */
    static void generate(Path json, int images, int perImage, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        JsonFactory f = new JsonFactory();
        try (JsonGenerator g = f.createGenerator(json.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeObjectFieldStart("info");
            g.writeStringField("description", "annota coco-scale benchmark");
            g.writeEndObject();
            g.writeArrayFieldStart("categories");
            for (int c = 1; c <= 10; c++) {
                g.writeStartObject();
                g.writeNumberField("id", c);
                g.writeStringField("name", "class" + c);
                g.writeStringField("supercategory", "thing");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("images");
            for (int i = 1; i <= images; i++) {
                g.writeStartObject();
                g.writeNumberField("id", i);
                g.writeStringField("file_name", String.format("%06d.jpg", i));
                g.writeNumberField("width", 640);
                g.writeNumberField("height", 480);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("annotations");
            long id = 1;
            for (int i = 1; i <= images; i++) {
                for (int k = 0; k < perImage; k++) {
                    g.writeStartObject();
                    g.writeNumberField("id", id++);
                    g.writeNumberField("image_id", i);
                    g.writeNumberField("category_id", 1 + random.nextInt(10));
                    g.writeNumberField("iscrowd", 0);
                    double cx = 40 + random.nextDouble() * 560, cy = 40 + random.nextDouble() * 400;
                    double r = 5 + random.nextDouble() * 30;
                    if (k % 2 == 0) {
                        double w = round(2 * r), h = round(r + random.nextDouble() * r);
                        g.writeArrayFieldStart("segmentation");
                        g.writeEndArray();
                        g.writeNumberField("area", round(w * h));
                        writeNumbers(g, "bbox", round(cx - r), round(cy - h / 2), w, h);
                    } else {
                        int n = 8 + random.nextInt(9);
                        double[] xy = new double[2 * n];
                        for (int v = 0; v < n; v++) {
                            double a = 2 * Math.PI * v / n, rr = r * (0.6 + 0.4 * random.nextDouble());
                            xy[2 * v] = round(cx + rr * Math.cos(a));
                            xy[2 * v + 1] = round(cy + rr * Math.sin(a));
                        }
                        g.writeArrayFieldStart("segmentation");
                        g.writeStartArray();
                        for (double v : xy) {
                            g.writeNumber(v);
                        }
                        g.writeEndArray();
                        g.writeEndArray();
                        g.writeNumberField("area", round(Math.PI * r * r * 0.64));
                        writeNumbers(g, "bbox", round(cx - r), round(cy - r), round(2 * r), round(2 * r));
                    }
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void writeNumbers(JsonGenerator g, String field, double... values) throws IOException {
        g.writeArrayFieldStart(field);
        for (double v : values) {
            g.writeNumber(v);
        }
        g.writeEndArray();
    }

    private static JsonNode child(String mode, Path json, Path out) throws IOException {
        return child(List.of(mode, json.toString(), out.toString()));
    }

    /** Runs {@link CocoScaleChild} with {@code args} (the mode first) in a fresh JVM with the same classpath and {@link #HEAP}. */
    static JsonNode child(List<String> args) throws IOException {
        String mode = args.get(0);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), CocoScaleChild.class.getName()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the " + mode + " run", e);
        }
        if (rc != 0 || stdout.isEmpty()) {
            throw new IllegalStateException("the " + mode + " run failed with exit code " + rc + ": " + stdout);
        }
        String[] lines = stdout.split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }

    /** The number of elements of the top-level {@code images} and {@code annotations} arrays. */
    static long[] countElements(Path json) throws IOException {
        long[] counts = new long[2];
        try (JsonParser p = new JsonFactory().createParser(json.toFile())) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                p.nextToken();
                int slot = key.equals("images") ? 0 : key.equals("annotations") ? 1 : -1;
                if (slot < 0 || p.currentToken() != JsonToken.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    p.skipChildren();
                    counts[slot]++;
                }
            }
        }
        return counts;
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
