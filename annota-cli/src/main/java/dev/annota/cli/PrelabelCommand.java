package dev.annota.cli;

import dev.annota.app.auth.Access;
import dev.annota.app.models.LoadedModels;
import dev.annota.app.models.ModelRegistry;
import dev.annota.app.models.ProjectModelLinks;
import dev.annota.app.prelabel.Prelabel;
import dev.annota.app.prelabel.PrelabelReport;
import dev.annota.app.prelabel.PrelabelRequest;
import dev.annota.app.prelabel.PrelabelSettings;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.PredictorOptions;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageStore;
import dev.annota.store.models.ModelRecord;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota prelabel}: pre-label a project's images with a registered model, locally against the database. */
@Command(name = "prelabel", mixinStandardHelpOptions = true, description = {"Pre-label a project with a registered model: its results",
        "become suggestions (source: the model's name and version). Images the model version already ran on are skipped,",
        "so an interrupted run can simply be started again. The model is linked to the project (labels mapped by name)",
        "when it is not yet.", "", "annota prelabel import loads the results of a batch job (annota spark prelabel) instead."},
        subcommands = PrelabelImportCommand.class)
final class PrelabelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    DataOptions data;
    // checked in call(), not by picocli: required options here would be demanded of `prelabel import` too
    @Option(names = "--project", paramLabel = "P", description = "Project id (required).")
    String project;
    @Option(names = "--model", paramLabel = "M", description = "Model id or name (annota models list; required).")
    String model;
    @Option(names = "--threshold", paramLabel = "T", description = "Lowest score kept, 0-1 (default: 0.3).")
    Optional<Double> threshold;
    @Option(names = "--max-detections", paramLabel = "N", description = "At most N suggestions per image (default: 100).")
    Optional<Integer> maxDetections;
    @Option(names = "--redo", description = "Also images this model version already ran on.")
    boolean redo;
    @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (project == null || model == null) {
            throw ValidationException.of(project == null ? "--project" : "--model", "(missing)", "expected a value: annota prelabel --project P --model M");
        }
        if (threshold.isPresent() && !(threshold.get() >= 0 && threshold.get() <= 1)) {
            throw ValidationException.of("--threshold", threshold.get(), "a score from 0 to 1");
        }
        try (Database db = data.open()) {
            Access access = Access.of(db);
            ModelRegistry registry = new ModelRegistry(db, data.dataDir(), access);
            ModelRecord m = registry.find(model);
            ProjectModelLinks links = new ProjectModelLinks(db, registry, access);
            if (links.find(project, m.id()).isEmpty()) {
                var report = links.linkAsOwner(project, m.id(), Map.of());
                spec.commandLine().getErr().printf("linked %s to the project: %d labels mapped by name, %d dropped%n", m.name(),
                        report.mapping().mapped().size(), report.mapping().unmapped().size());
            }
            // a batch job whose decoders share the cores: ONNX Runtime's idle threads block instead of spinning
            try (LoadedModels loaded = new LoadedModels(registry, PredictorOptions.defaults().withSpinWait(false))) {
                Prelabel prelabel = new Prelabel(db, new ImageStore(data.dataDir()), links, loaded, PrelabelSettings.defaults(), n -> { });
                PrelabelRequest request = new PrelabelRequest(m.id(), threshold.orElse(PrelabelRequest.DEFAULT_THRESHOLD),
                        maxDetections.orElse(PrelabelRequest.DEFAULT_MAX_DETECTIONS), false, false, redo, Map.of());
                PrelabelReport report = prelabel.run(project, request, ImageFilter.all(), new ConsoleProgress(spec.commandLine().getErr()));
                spec.commandLine().getOut().println(json ? report.toJson() : report.message());
            }
        }
        return 0;
    }
}
