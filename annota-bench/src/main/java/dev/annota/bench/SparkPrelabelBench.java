package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.app.Progress;
import dev.annota.app.prelabel.PrelabelPipeline;
import dev.annota.app.prelabel.PrelabelSettings;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.image.RgbImage;
import dev.annota.spark.JavaOptions;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code spark-prelabel}: pre-label N images (a manifest repeating the shared photos' paths; every row is read and
 * decoded) with SqueezeNet under Spark {@code local[1]} and {@code local[2]}, each a child JVM running
 * {@code annota spark prelabel} (its {@code job.json} seconds: manifest read, inference, Parquet and COCO writes;
 * not JVM and Spark start-up), after a job of 8 images in the same way (its time is what any job costs, so
 * {@code marginal_images_per_s} = (N − 8) / (t(N) − t(8)) is the steady rate), and — in this JVM, same run — the
 * single-process pre-labelling:
 * {@link Predictor#predictAll} over the same files (decode, then batches of 8, ONNX Runtime on every core), and
 * the app's {@link PrelabelPipeline} (decoding overlapped with inference) with a sink that stores nothing. Ours =
 * Spark local[2]'s steady rate, baseline = predictAll, as seconds per image. N is {@code -Dannota.bench.spark.images} (default
 * 20000); annota-spark must be packaged ({@code target/spark-classpath.txt}), found under {@code -Dannota.home}
 * (default: the working folder).
 */
final class SparkPrelabelBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Images of the small job that measures a job's fixed cost. */
    private static final int SMALL = 8;
    /** Predictions counted, so the JIT keeps the work. */
    private static long sink;

    private SparkPrelabelBench() {
    }

    static BenchResult run() {
        int n = Integer.getInteger("annota.bench.spark.images", 20_000);
        Path photos = SharedData.resolve("images/photos").orElseThrow(() -> new IllegalStateException("../shared/images/photos is absent"));
        Path model = SharedData.resolve("models/squeezenet1.1").orElseThrow(() -> new IllegalStateException("../shared/models/squeezenet1.1 is absent"));
        Path home = Path.of(System.getProperty("annota.home", ".")).toAbsolutePath();
        Path cpFile = home.resolve("annota-spark/target/spark-classpath.txt");
        if (!Files.isRegularFile(cpFile)) {
            throw new IllegalStateException(cpFile + " is absent: package annota-spark first (mvn -pl annota-spark -am package -DskipTests)");
        }
        try {
            Path work = Files.createTempDirectory("annota-bench-spark-");
            List<Path> files = photos(photos);
            Path manifest = work.resolve("manifest.csv");
            List<String> lines = new ArrayList<>(n + 1);
            lines.add("id,path");
            for (int i = 0; i < n; i++) {
                lines.add(i + "," + files.get(i % files.size()));
            }
            Files.write(manifest, lines);
            String cp = home.resolve("annota-spark/target/classes") + ":" + Files.readString(cpFile).strip();

            Path small = work.resolve("small.csv");
            Files.write(small, lines.subList(0, SMALL + 1));
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("images", n);
            Map<String, Object> one = spark(cp, manifest, small, model, work, "local[1]");
            Map<String, Object> two = spark(cp, manifest, small, model, work, "local[2]");
            details.put("spark_local1", one);
            details.put("spark_local2", two);
            double rate1 = (double) one.get("marginal_images_per_s");
            double rate2 = (double) two.get("marginal_images_per_s");
            details.put("scaling_local2_over_local1", round(rate2 / rate1));
            details.put("scaling_whole_jobs", round((double) two.get("images_per_s") / (double) one.get("images_per_s")));

            double predictAll = predictAll(model, files, n);
            double pipeline = pipeline(model, files, n);
            details.put("single_process_predictAll_images_per_s", round(predictAll));
            details.put("single_process_prelabel_pipeline_images_per_s", round(pipeline));
            details.put("spark_local2_over_predictAll", round(rate2 / predictAll));
            details.put("spark_local2_over_pipeline", round(rate2 / pipeline));
            details.put("spark_local2_whole_job_over_predictAll", round((double) two.get("images_per_s") / predictAll));
            details.put("single_process_predictions", sink);
            System.err.println("spark-prelabel: " + details);
            return new BenchResult("spark-prelabel", "seconds per image, SqueezeNet (Spark local[2] vs one process)",
                    "Predictor.predictAll in one process, same files", 1 / rate2, 1 / predictAll, details);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A job of {@value #SMALL} images, then one of all N, each in a fresh child JVM: the small one measures what a job
     * costs whatever its size (Spark's start-up work, class loading and code generation, output writing), so the
     * difference gives the steady rate, the one that matters at 20,000 images and more.
     */
    private static Map<String, Object> spark(String cp, Path manifest, Path small, Path model, Path work, String master) throws IOException {
        JsonNode fixed = job(cp, small, model, work, master, "small");
        JsonNode all = job(cp, manifest, model, work, master, "all");
        double fixedS = fixed.get("seconds").asDouble();
        double allS = all.get("seconds").asDouble();
        long images = all.get("images").asLong();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("images", images);
        d.put("errors", all.get("errors").asLong());
        d.put("job_s", round(allS));
        d.put("images_per_s", round(images / allS));
        d.put("small_job_s", round(fixedS));
        d.put("marginal_images_per_s", round((images - fixed.get("images").asLong()) / (allS - fixedS)));
        System.err.println("spark " + master + ": " + d);
        return d;
    }

    /** {@code annota spark prelabel} in a child JVM; its report. */
    private static JsonNode job(String cp, Path manifest, Path model, Path work, String master, String name) throws IOException {
        Path out = work.resolve("out-" + name + "-" + master.replaceAll("[^0-9a-z]", ""));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JavaOptions.all());
        cmd.addAll(List.of("-Djava.io.tmpdir=" + work, "-cp", cp, "dev.annota.spark.SparkMain", "prelabel", "--manifest", manifest.toString(),
                "--model", model.toString(), "--out", out.toString(), "--master", master, "--json"));
        Process p = new ProcessBuilder(cmd).redirectError(work.resolve("spark-" + out.getFileName() + ".log").toFile()).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc;
        try {
            rc = p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new IllegalStateException("interrupted", e);
        }
        if (rc != 0) {
            throw new IllegalStateException("spark " + master + " exited with " + rc + "; log in " + work);
        }
        return JSON.readTree(stdout);
    }

    /** Decode each batch of 8 on this thread, then predictAll (ONNX Runtime on every core). */
    private static double predictAll(Path model, List<Path> files, int n) throws IOException {
        try (Predictor p = Predictor.load(model, PredictorOptions.defaults())) {
            p.predictAll(List.of(ImageDecoder.read(files.get(0))));
            long start = System.nanoTime();
            for (int i = 0; i < n; i += 8) {
                List<RgbImage> batch = new ArrayList<>(8);
                for (int j = i; j < Math.min(n, i + 8); j++) {
                    batch.add(ImageDecoder.read(files.get(j % files.size())));
                }
                sink += p.predictAll(batch).size();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** The app's pre-labelling pipeline (decode threads overlapping inference), storing nothing. */
    private static double pipeline(Path model, List<Path> files, int n) throws IOException {
        try (Predictor p = Predictor.load(model, PredictorOptions.defaults())) {
            p.predictAll(List.of(ImageDecoder.read(files.get(0))));
            List<PrelabelPipeline.Item> items = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                items.add(new PrelabelPipeline.Item(Integer.toString(i), files.get(i % files.size())));
            }
            PrelabelPipeline.Stats s = PrelabelPipeline.run(p, items.iterator(), 8, batch -> sink += batch.size(),
                    PrelabelSettings.defaults(), Progress.NONE, n);
            return s.processed() / s.seconds();
        }
    }

    private static List<Path> photos(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".jpg") || p.toString().endsWith(".png")).sorted().toList();
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
