package dev.annota.cli;

import dev.annota.app.prelabel.ImportResults;
import dev.annota.app.prelabel.PrelabelRequest;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota prelabel import}: a batch job's results (annota spark prelabel) into a project as suggestions. */
@Command(name = "import", mixinStandardHelpOptions = true, description = {"Load the results of annota spark prelabel (OUT/coco and",
        "OUT/job.json) into a project as suggestions. Images are matched by content (sha256), else by id; labels map to",
        "the project's classes by name. Running it again replaces the model version's suggestions, never duplicates them."})
final class PrelabelImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions data;
    @Option(names = "--project", required = true, paramLabel = "P", description = "Project id.")
    String project;
    @Option(names = "--results", required = true, paramLabel = "DIR", description = "The job's output folder (--out of annota spark prelabel).")
    Path results;
    @Option(names = "--threshold", paramLabel = "T", defaultValue = "0.3", description = "Lowest score kept, 0-1 (default: 0.3).")
    double threshold;
    @Option(names = "--max-detections", paramLabel = "N", description = "At most N suggestions per image (default: 100).")
    int maxDetections = PrelabelRequest.DEFAULT_MAX_DETECTIONS;
    @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw ValidationException.of("--threshold", threshold, "a score from 0 to 1");
        }
        try (Database db = data.open()) {
            ImportResults.Report report = new ImportResults(db).run(project, results, threshold, maxDetections);
            spec.commandLine().getOut().println(json ? report.toJson() : report.message());
        }
        return 0;
    }
}
