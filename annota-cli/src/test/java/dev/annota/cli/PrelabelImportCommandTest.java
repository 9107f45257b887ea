package dev.annota.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.Progress;
import dev.annota.app.images.ImportImages;
import dev.annota.app.images.ImportRequest;
import dev.annota.app.images.Upload;
import dev.annota.core.schema.LabelSchema;
import dev.annota.infer.ModelPackages;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.projects.Projects;
import dev.annota.store.suggestions.Suggestions;
import dev.annota.app.images.ImportSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annota prelabel import}: a batch job's output folder (written here the way {@code annota spark prelabel}
 * lays it out; the Spark module's tests import a real job's) becomes the project's suggestions; mistakes exit 2.
 */
class PrelabelImportCommandTest {
    @Test
    void imports_a_jobs_results_as_suggestions_and_refuses_a_folder_without_them(@TempDir Path data, @TempDir Path out) throws Exception {
        Path photo = Path.of(PredictCommandTest.shared("images/photos/chelsea_cat.png"));
        String project;
        String imageId;
        try (Database db = Database.open(Database.sqliteUrl(data), "", "")) {
            project = new Projects(db).create("Cats", "", LabelSchema.of("tabby cat", "dog")).id();
            imageId = new ImportImages(db, new ImageStore(data), new ImageInspector(), ImportSettings.defaults())
                    .uploads(new ImportRequest(project, Optional.empty(), "default"), List.of(new Upload("cat.png", Files.newInputStream(photo))),
                            Progress.NONE).added().get(0).imageId();
        }
        Files.createDirectories(out.resolve("coco"));
        Files.writeString(out.resolve("job.json"), "{\"model\": \"squeezenet1.1\", \"model_sha256\": \"0123456789abcdef0123\"}");
        Files.writeString(out.resolve("coco/images.json"), "{\"images\": [{\"id\": 1, \"file_name\": \"x/cat.png\", \"width\": 451, "
                + "\"height\": 300, \"annota_id\": \"m-1\", \"sha256\": \"" + ModelPackages.sha256(photo) + "\"}], \"annotations\": [], "
                + "\"categories\": [{\"id\": 1, \"name\": \"tabby, tabby cat\"}, {\"id\": 2, \"name\": \"tiger cat\"}]}");
        Files.writeString(out.resolve("coco/results.json"), "[{\"image_id\": 1, \"category_id\": 1, \"score\": 0.61},"
                + " {\"image_id\": 1, \"category_id\": 2, \"score\": 0.3}]");

        CliBasicsTest.Run r = CliBasicsTest.run("prelabel", "import", "--project", project, "--results", out.toString(),
                "--data", data.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode report = ModelsCommandTest.MAPPER.readTree(r.out());
        assertEquals(1, report.get("matched").asInt());
        assertEquals(1, report.get("suggestions").asInt(), "tiger cat maps to no class of the project");
        assertEquals("0123456789ab", report.get("model_version").asText());
        try (Database db = Database.open(Database.sqliteUrl(data), "", "")) {
            var s = new Suggestions(db).list(imageId, 0);
            assertEquals(1, s.size());
            assertEquals(0.61, s.get(0).annotation().info().confidence().orElseThrow(), 1e-9);
        }

        CliBasicsTest.Run missing = CliBasicsTest.run("prelabel", "import", "--project", project, "--results", data.resolve("nope").toString(),
                "--data", data.toString());
        assertEquals(2, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("--results") && missing.err().contains("nope"), missing.err());
        assertEquals(2, CliBasicsTest.run("prelabel", "--model", "sq", "--data", data.toString()).code(), "prelabel still needs --project");
    }
}
