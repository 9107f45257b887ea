package dev.annota.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.annota.app.Progress;
import dev.annota.app.images.ImportImages;
import dev.annota.app.images.ImportRequest;
import dev.annota.app.images.ImportResult;
import dev.annota.app.images.ImportSettings;
import dev.annota.app.images.Upload;
import dev.annota.app.prelabel.ImportResults;
import dev.annota.core.annotation.Tag;
import dev.annota.core.schema.LabelSchema;
import dev.annota.infer.ClassScore;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.projects.Projects;
import dev.annota.store.suggestions.Suggestion;
import dev.annota.store.suggestions.Suggestions;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: a Spark job's outputs ({@code local[2]}, SqueezeNet on real photos) imported into a project as
 * suggestions ({@link ImportResults}, what {@code annota prelabel import} runs), on SQLite and PostgreSQL: each
 * photo of the project gets the model's top-1 class as a tag with its score; a photo not in the project is
 * counted as unmatched; importing again replaces, never duplicates.
 */
class ImportSparkResultsTest {
    private static final List<String> IN_PROJECT = List.of("chelsea_cat.png", "coffee.png", "wolves.jpg");
    private static final String NOT_IN_PROJECT = "pineapple.png";
    @TempDir
    static Path shared;
    private static Path out;
    private static Path photos;
    private static final Map<String, ClassScore> TOP1 = new LinkedHashMap<>();

    @TempDir
    Path dir;

    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    @BeforeAll
    static void runTheJob() throws IOException {
        Optional<Path> model = SharedData.resolve("models/squeezenet1.1");
        photos = SharedData.resolve("images/photos").orElse(null);
        assumeTrue(model.isPresent() && photos != null, "needs the shared SqueezeNet model and photos (annota.shared.dir)");
        try (Predictor p = Predictor.load(model.get(), PredictorOptions.defaults())) {
            for (String photo : IN_PROJECT) {
                TOP1.put(photo, p.predict(photos.resolve(photo)).classes().get(0));
            }
        }
        List<String> lines = new ArrayList<>(List.of("id,path"));
        Stream.concat(IN_PROJECT.stream(), Stream.of(NOT_IN_PROJECT)).forEach(f -> lines.add("m-" + f + "," + photos.resolve(f)));
        Path manifest = shared.resolve("manifest.csv");
        Files.write(manifest, lines);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("annota-import-test")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
        out = shared.resolve("out");
        SparkJobs.run(spark, JobSpec.of(JobKind.PRELABEL, model.get().toString(), shared.toString()), manifest, out, 2);
    }

    @AfterAll
    static void stop() {
        SparkSession.getActiveSession().foreach(s -> {
            s.stop();
            return null;
        });
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void a_jobs_results_become_the_projects_suggestions_once(Dialect dialect) throws IOException {
        try (Database db = TestDatabases.open(dialect)) {
            // one class per expected top-1 label, named by its first synonym ("tabby, tabby cat" -> "tabby")
            LabelSchema schema = LabelSchema.of(TOP1.values().stream().map(c -> c.label().name().split(",")[0]).distinct().toArray(String[]::new));
            String project = new Projects(db).create("Spark import", "", schema).id();
            List<Upload> uploads = new ArrayList<>();
            for (String f : IN_PROJECT) {
                uploads.add(new Upload(f, Files.newInputStream(photos.resolve(f))));
            }
            ImportResult imported = new ImportImages(db, new ImageStore(dir.resolve("data")), new ImageInspector(), ImportSettings.defaults())
                    .uploads(new ImportRequest(project, Optional.empty(), "default"), uploads, Progress.NONE);
            assertEquals(IN_PROJECT.size(), imported.added().size());

            ImportResults.Report report = new ImportResults(db).run(project, out, 0.0, 1);
            assertEquals(IN_PROJECT.size() + 1, report.images());
            assertEquals(IN_PROJECT.size(), report.matched());
            assertEquals(1, report.unmatchedCount());
            assertEquals(List.of("m-" + NOT_IN_PROJECT), report.unmatched());
            assertEquals(IN_PROJECT.size(), report.suggestions());
            new ImportResults(db).run(project, out, 0.0, 1);

            Suggestions suggestions = new Suggestions(db);
            for (ImportResult.Added a : imported.added()) {
                List<Suggestion> s = suggestions.list(a.imageId(), 0);
                assertEquals(1, s.size(), a.name() + ": one suggestion after two imports");
                ClassScore want = TOP1.get(a.name());
                assertTrue(s.get(0).annotation() instanceof Tag, a.name());
                assertEquals(want.label().name().split(",")[0], schema.get(s.get(0).annotation().label()).orElseThrow().name(), a.name());
                assertEquals(want.score(), s.get(0).annotation().info().confidence().orElseThrow(), 1e-5);
                assertEquals("squeezenet1.1", s.get(0).model().name());
            }
        }
    }
}
