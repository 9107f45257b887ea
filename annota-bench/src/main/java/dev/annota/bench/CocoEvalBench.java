package dev.annota.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.app.eval.EvaluateCoco;
import dev.annota.eval.coco.CocoEvaluation;
import dev.annota.eval.coco.IouType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * COCO bbox evaluation from files (ours: {@link EvaluateCoco} — parse, evaluate, accumulate, summarize)
 * against parsing the same two files with Jackson's {@code readTree} (the baseline: the least any evaluation
 * from JSON must do). Data: a deterministic synthetic set of 640×480 images, 80 categories, about 7.2 ground
 * truth boxes per image (1% crowd) and about 20 detections per image (jittered ground truth, duplicates and
 * false positives).
 */
final class CocoEvalBench {
    private static final int CATEGORIES = 80;

    private CocoEvalBench() {
    }

    static BenchResult cocoEval() {
        return cocoEval(5000, 3);
    }

    static BenchResult cocoEval(int images, int rounds) {
        try {
            Path dir = Files.createTempDirectory("annota-bench-cocoeval");
            Path gt = dir.resolve("gt.json");
            Path dt = dir.resolve("dt.json");
            long[] counts = write(images, gt, dt, 20240501L);
            ObjectMapper mapper = new ObjectMapper();
            LongSupplier parse = () -> {
                try {
                    return mapper.readTree(gt.toFile()).size() + mapper.readTree(dt.toFile()).size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            EvaluateCoco evaluate = new EvaluateCoco();
            CocoEvaluation[] last = new CocoEvaluation[1];
            LongSupplier whole = () -> {
                try {
                    last[0] = evaluate.evaluate(gt, dt, IouType.BBOX);
                    return last[0].summaryLines().size();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            double baseline = Timer.secondsPerCall(parse, 1, rounds);
            double ours = Timer.secondsPerCall(whole, 1, rounds);
            long parsePeak = peakHeap(parse);
            long oursPeak = peakHeap(whole);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("images", images);
            details.put("categories", CATEGORIES);
            details.put("gt_boxes", counts[0]);
            details.put("detections", counts[1]);
            details.put("gt_json_bytes", Files.size(gt));
            details.put("dt_json_bytes", Files.size(dt));
            details.put("parse_seconds", baseline);
            details.put("evaluation_seconds", ours);
            details.put("ratio_evaluation_to_parse", ours / baseline);
            details.put("parse_peak_heap_mib", parsePeak / (1024.0 * 1024));
            details.put("evaluation_peak_heap_mib", oursPeak / (1024.0 * 1024));
            details.put("ap", last[0].stats().get(0));
            details.put("ap50", last[0].stats().get(1));
            deleteTree(dir);
            return new BenchResult("coco-eval", "seconds per bbox evaluation of " + images + " images from JSON files",
                    "Jackson readTree of gt.json and dt.json", ours, baseline, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak heap use while {@code work} runs once: the sum of the heap pools' peaks after a GC and a reset. */
    static long peakHeap(LongSupplier work) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        work.getAsLong();
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Writes the synthetic set; returns {ground-truth boxes, detections}. */
    static long[] write(int images, Path gtFile, Path dtFile, long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        JsonFactory f = new JsonFactory();
        long gtCount = 0, dtCount = 0;
        try (JsonGenerator g = f.createGenerator(gtFile.toFile(), JsonEncoding.UTF8);
             JsonGenerator d = f.createGenerator(dtFile.toFile(), JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("images");
            for (int i = 1; i <= images; i++) {
                g.writeStartObject();
                g.writeNumberField("id", i);
                g.writeStringField("file_name", String.format("img_%06d.jpg", i));
                g.writeNumberField("width", 640);
                g.writeNumberField("height", 480);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("categories");
            for (int c = 1; c <= CATEGORIES; c++) {
                g.writeStartObject();
                g.writeNumberField("id", c);
                g.writeStringField("name", "class_" + c);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("annotations");
            d.writeStartArray();
            for (int i = 1; i <= images; i++) {
                int objects = 2 + rnd.nextInt(11); // 2..12, mean 7
                for (int o = 0; o < objects; o++) {
                    int cat = 1 + rnd.nextInt(CATEGORIES);
                    double w = round2(Math.exp(Math.log(4) + rnd.nextDouble() * Math.log(300 / 4.0)));
                    double h = round2(Math.exp(Math.log(4) + rnd.nextDouble() * Math.log(300 / 4.0)));
                    double x = round2(rnd.nextDouble() * (640 - Math.min(w, 639)));
                    double y = round2(rnd.nextDouble() * (480 - Math.min(h, 479)));
                    boolean crowd = rnd.nextInt(100) == 0;
                    gtCount++;
                    g.writeStartObject();
                    g.writeNumberField("id", gtCount);
                    g.writeNumberField("image_id", i);
                    g.writeNumberField("category_id", cat);
                    g.writeFieldName("bbox");
                    g.writeArray(new double[] {x, y, w, h}, 0, 4);
                    g.writeNumberField("area", round2(w * h));
                    g.writeNumberField("iscrowd", crowd ? 1 : 0);
                    g.writeEndObject();
                    int copies = rnd.nextInt(100) < 85 ? (rnd.nextInt(100) < 15 ? 2 : 1) : 0;
                    for (int k = 0; k < copies; k++) {
                        double jx = x + w * (rnd.nextDouble() - .5) * .3, jy = y + h * (rnd.nextDouble() - .5) * .3;
                        double jw = w * (1 + (rnd.nextDouble() - .5) * .3), jh = h * (1 + (rnd.nextDouble() - .5) * .3);
                        writeResult(d, i, cat, jx, jy, jw, jh, .3 + .7 * rnd.nextDouble());
                        dtCount++;
                    }
                }
                int falsePositives = rnd.nextInt(27); // 0..26, mean 13
                for (int k = 0; k < falsePositives; k++) {
                    double w = 4 + rnd.nextDouble() * 200, h = 4 + rnd.nextDouble() * 200;
                    writeResult(d, i, 1 + rnd.nextInt(CATEGORIES), rnd.nextDouble() * (640 - w),
                            rnd.nextDouble() * (480 - h), w, h, .6 * rnd.nextDouble());
                    dtCount++;
                }
            }
            d.writeEndArray();
            g.writeEndArray();
            g.writeEndObject();
        }
        return new long[] {gtCount, dtCount};
    }

    private static void writeResult(JsonGenerator d, int image, int cat, double x, double y, double w, double h,
                                    double score) throws IOException {
        d.writeStartObject();
        d.writeNumberField("image_id", image);
        d.writeNumberField("category_id", cat);
        d.writeFieldName("bbox");
        d.writeArray(new double[] {round2(x), round2(y), round2(w), round2(h)}, 0, 4);
        d.writeNumberField("score", Math.round(score * 1e5) / 1e5);
        d.writeEndObject();
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
