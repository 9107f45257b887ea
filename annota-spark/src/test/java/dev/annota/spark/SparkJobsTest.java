package dev.annota.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.embed.Embedder;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jobs in local[2] on real photos with SqueezeNet, checked against the same model run in-process
 * ({@link Predictor}, {@link Embedder}): same top-1 classes, scores within 1e-5, a bad row reported, not fatal.
 */
class SparkJobsTest {
    private static final String[] PHOTOS = {"chelsea_cat.png", "coffee.png", "darknet_eagle.jpg", "grace_hopper.jpg",
        "opencv_orange.jpg", "wolves.jpg"};
    private static final Map<String, Prediction> EXPECTED = new HashMap<>();
    private static SparkSession spark;
    private static Path model;
    private static Path photos;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        model = SharedData.resolve("models/squeezenet1.1").orElse(null);
        photos = SharedData.resolve("images/photos").orElse(null);
        assumeTrue(model != null && photos != null, "needs the shared SqueezeNet model and photos (annota.shared.dir)");
        spark = SparkSession.builder().master("local[2]").appName("annota-spark-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** A manifest of the photos (absolute paths, one as a file: URI), a missing file and a file that is no image. */
    private Path manifest(boolean labels, Map<String, String> truth) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(labels ? "id,path,label" : "id,path");
        for (int i = 0; i < PHOTOS.length; i++) {
            Path p = photos.resolve(PHOTOS[i]);
            String path = i == 1 ? p.toUri().toString() : p.toString();
            lines.add(PHOTOS[i] + "," + path + (labels ? "," + truth.get(PHOTOS[i]) : ""));
        }
        Files.writeString(dir.resolve("not-an-image.jpg"), "plain text, no pixels");
        lines.add("missing,does/not/exist.jpg" + (labels ? ",cat" : ""));
        lines.add("broken,not-an-image.jpg" + (labels ? ",cat" : ""));
        Path m = dir.resolve("manifest.csv");
        Files.write(m, lines);
        return m;
    }

    /** What the model says in this process, without Spark (computed once). */
    private static synchronized Map<String, Prediction> inProcess() throws IOException {
        if (EXPECTED.isEmpty()) {
            try (Predictor p = Predictor.load(model, PredictorOptions.defaults())) {
                for (String photo : PHOTOS) {
                    EXPECTED.put(photo, p.predict(photos.resolve(photo)));
                }
            }
        }
        return EXPECTED;
    }

    @Test
    void prelabels_like_the_predictor_in_process_and_reports_the_bad_rows() throws IOException {
        Map<String, Prediction> expected = inProcess();
        int loadsBefore = ModelCache.loads();
        Path out = dir.resolve("out");
        // batches of 3: settings no other test uses, so this job's model is not in the JVM's cache yet
        JobSpec spec = JobSpec.of(JobKind.PRELABEL, model.toString(), dir.toString()).withBatch(3);
        JobReport report = SparkJobs.run(spark, spec, manifest(false, Map.of()), out, 3);

        assertEquals(PHOTOS.length, report.images());
        assertEquals(2, report.errors());
        assertEquals(1, ModelCache.loads() - loadsBefore, "the model is loaded once in this JVM, not once per partition");

        List<Row> rows = spark.read().parquet(out.resolve("predictions").toString()).collectAsList();
        assertEquals(PHOTOS.length, rows.size());
        for (Row r : rows) {
            Prediction want = expected.get(r.<String>getAs("id"));
            List<Row> classes = r.getList(r.fieldIndex("classes"));
            assertEquals(want.classes().size(), classes.size());
            ClassScore top = want.classes().get(0);
            assertEquals(top.label().name(), classes.get(0).getString(1), r.<String>getAs("id"));
            assertEquals(top.score(), classes.get(0).getDouble(2), 1e-5);
            assertEquals(want.imageSize().width(), r.<Integer>getAs("width"));
            assertEquals(64, r.<String>getAs("sha256").length());
        }

        Map<String, String> errors = new HashMap<>();
        spark.read().parquet(out.resolve("errors").toString()).collectAsList()
                .forEach(r -> errors.put(r.<String>getAs("id"), r.<String>getAs("error")));
        assertEquals(2, errors.size());
        assertTrue(errors.get("missing").contains("does/not/exist.jpg") && errors.get("missing").contains("no such file"), errors.get("missing"));
        assertTrue(errors.get("broken").contains("not a readable image"), errors.get("broken"));

        ObjectMapper json = new ObjectMapper();
        JsonNode images = json.readTree(out.resolve("coco/images.json").toFile());
        Map<Long, String> idOf = new HashMap<>();
        images.get("images").forEach(i -> idOf.put(i.get("id").asLong(), i.get("annota_id").asText()));
        assertEquals(PHOTOS.length, idOf.size());
        Map<Integer, String> categories = new HashMap<>();
        images.get("categories").forEach(c -> categories.put(c.get("id").asInt(), c.get("name").asText()));
        Map<String, JsonNode> firstResult = new HashMap<>();
        json.readTree(out.resolve("coco/results.json").toFile()).forEach(r -> firstResult.putIfAbsent(idOf.get(r.get("image_id").asLong()), r));
        for (String photo : PHOTOS) {
            ClassScore top = expected.get(photo).classes().get(0);
            JsonNode r = firstResult.get(photo);
            assertEquals(top.label().name(), categories.get(r.get("category_id").asInt()), photo);
            assertEquals(top.score(), r.get("score").asDouble(), 1e-5);
        }
        assertEquals(report.images(), json.readTree(out.resolve("job.json").toFile()).get("images").asLong());
    }

    @Test
    void embeds_like_the_embedder_in_process() throws IOException {
        Path out = dir.resolve("out");
        SparkJobs.run(spark, JobSpec.of(JobKind.EMBED, model.toString(), dir.toString()), manifest(false, Map.of()), out, 2);
        List<Row> rows = spark.read().parquet(out.resolve("predictions").toString()).collectAsList();
        assertEquals(PHOTOS.length, rows.size());
        try (Embedder e = Embedder.open(model, PredictorOptions.defaults())) {
            for (Row r : rows) {
                float[] want = e.embed(photos.resolve(r.<String>getAs("id")));
                List<Float> got = r.getList(r.fieldIndex("embedding"));
                assertEquals(want.length, got.size());
                for (int i = 0; i < want.length; i++) {
                    assertEquals(want[i], got.get(i), 1e-5);
                }
            }
        }
    }

    @Test
    void evaluates_against_the_manifest_labels() throws IOException {
        Map<String, Prediction> expected = inProcess();
        Map<String, String> truth = new HashMap<>();
        for (int i = 0; i < PHOTOS.length; i++) {
            // half the images labelled with what the model says first, half with a class it never says first
            truth.put(PHOTOS[i], i % 2 == 0 ? expected.get(PHOTOS[i]).classes().get(0).label().name().split(",")[0] : "no such class");
        }
        Path out = dir.resolve("out");
        JobReport report = SparkJobs.run(spark, JobSpec.of(JobKind.EVAL, model.toString(), dir.toString()), manifest(true, truth), out, 2);
        EvalSummary eval = report.eval().orElseThrow();
        assertEquals(PHOTOS.length, eval.images());
        assertEquals(0.5, eval.top1Accuracy(), 1e-12);
        assertEquals(0.5, new ObjectMapper().readTree(out.resolve("eval.json").toFile()).get("top1_accuracy").asDouble(), 1e-12);
    }

    @Test
    void a_manifest_without_a_path_column_is_refused_with_the_columns_it_has() throws IOException {
        Path m = dir.resolve("bad.csv");
        Files.write(m, List.of("id,file", "a,b.jpg"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.annota.core.error.ValidationException.class, () ->
                SparkJobs.run(spark, JobSpec.of(JobKind.PRELABEL, model.toString(), dir.toString()), m, dir.resolve("out"), 1));
        assertTrue(e.getMessage().contains("path") && e.getMessage().contains("[id, file]"), e.getMessage());
    }
}
