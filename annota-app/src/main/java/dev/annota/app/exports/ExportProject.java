package dev.annota.app.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.Progress;
import dev.annota.app.auth.Actor;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.DatasetSummary;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.FormatRegistry;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.formats.archive.ZipArchives;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageStore;
import dev.annota.store.operations.Operation;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Exports a project — or the images of it that pass a filter — in any writable format of the registry, as a
 * zip, with or without the image files, using the project's label schema and each image's current annotation
 * set. It runs as an operation of kind {@code export} (progress per image, cancellable between images) and the
 * operation's report lists what the format could not hold.
 *
 * <p>Who may export: managers of the project and admins. Reviewers and annotators may not: an export copies the
 * whole project out of the server's access control, which is a manager's decision, like an import.
 *
 * <p>Images are written as stored: with an EXIF orientation other than 1, the file keeps its orientation tag
 * and the annotations are in the displayed (rotated) frame, as in the API.
 */
public final class ExportProject {
    /** The operation kind. */
    public static final String KIND = "export";
    /** The most problems a report lists (the count of all is given beside them). */
    static final int MAX_PROBLEMS = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Projects projects;
    private final ImageQueries queries;
    private final AnnotationSets sets;
    private final ImageStore store;
    private final FormatRegistry formats;
    private final ProjectOperations operations;

    public ExportProject(Database db, ImageStore store, FormatRegistry formats, ProjectOperations operations) {
        this.projects = new Projects(db);
        this.queries = new ImageQueries(db);
        this.sets = new AnnotationSets(db);
        this.store = store;
        this.formats = formats;
        this.operations = operations;
    }

    /** Checks the request and the caller, and queues the export; returns the operation (queued). */
    public Operation start(Actor actor, String projectId, ExportRequest request) {
        DatasetFormat format = writable(request.format());
        operations.requireManager(actor, projectId);
        return operations.start(actor, projectId, KIND, requestJson(format, request), work -> {
            ExportReport report = export(projectId, format, request, work.folder(), work.progress());
            return new OperationOutcome(Optional.of(report.zip()), reportJson(report), report.images() + " image"
                    + (report.images() == 1 ? "" : "s") + " written as " + format.name()
                    + (report.problemCount() == 0 ? "" : "; " + report.problemCount() + " problem(s) reported"));
        });
    }

    /** The writable format called {@code name}; otherwise a 400-style error listing the writable ones. */
    public DatasetFormat writable(String name) {
        Optional<DatasetFormat> f = formats.find(name.strip());
        if (f.isEmpty() || f.get().writer().isEmpty()) {
            List<String> names = formats.formats().stream().filter(x -> x.writer().isPresent()).map(DatasetFormat::name).toList();
            throw ValidationException.of("format", name, (f.isEmpty() ? "a known format" : "a format that can be written")
                    + "; writable formats: " + String.join(", ", names));
        }
        return f.get();
    }

    /**
     * Writes the export into {@code folder} (an empty work folder): the dataset under {@code dataset/}, then the
     * zip beside it. Usable without an operation (the progress may be {@link Progress#NONE}).
     */
    public ExportReport export(String projectId, DatasetFormat format, ExportRequest request, Path folder, Progress progress)
            throws IOException {
        Project project = projects.get(projectId);
        ImageFilter filter = request.filter();
        long total = queries.count(projectId, filter);
        Path datasetFolder = Files.createDirectories(folder.resolve("dataset"));
        Optional<Path> missing = request.includeImages() ? Optional.empty() : Optional.of(folder.resolve("images-left-out"));
        ProjectDataset dataset = new ProjectDataset(projectId, project.schema(), filter, total, queries, sets, store, missing, progress,
                "writing " + format.name());
        // images left out on request are expected, not problems; the rest is bounded so a huge export stays flat in memory
        ImportReport report = ImportReport.bounded(ErrorPolicy.COLLECT, e -> leftOut(e, missing), MAX_PROBLEMS);
        format.writer().orElseThrow().write(dataset, datasetFolder, report);
        progress.finish();
        progress.start("packing the zip", 0);
        Path zip = folder.resolve(fileName(project.name(), format.name()));
        ZipArchives.pack(datasetFolder, zip);
        progress.finish();
        DatasetSummary summary = dataset.summary();
        Map<String, Long> kinds = new LinkedHashMap<>();
        summary.annotationsByKind().forEach((k, n) -> kinds.put(k.wireName(), n));
        return new ExportReport(zip, format.name(), request.includeImages(), summary.items(), kinds, report.problems(), report.count());
    }

    /** The writers' note that an image file was not there to copy — expected when images are left out on request. */
    private static boolean leftOut(FieldError e, Optional<Path> missing) {
        return missing.isPresent() && e.field().equals("image") && e.value() != null && e.value().startsWith(missing.get().toString());
    }

    static String fileName(String projectName, String format) {
        String base = projectName.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return (base.isEmpty() ? "project" : base) + "-" + format + ".zip";
    }

    private static String requestJson(DatasetFormat format, ExportRequest request) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", format.name());
        o.put("include_images", request.includeImages());
        ObjectNode f = o.putObject("filter");
        ImageFilter filter = request.filter();
        filter.split().ifPresent(s -> f.put("split", s));
        filter.hasAnnotations().ifPresent(b -> f.put("has_annotations", b));
        filter.nearDuplicate().ifPresent(b -> f.put("near_duplicate", b));
        filter.metadata().forEach((k, v) -> f.put("meta." + k, v));
        if (!filter.conditions().isEmpty()) {
            f.put("conditions", filter.conditions().size());
        }
        return o.toString();
    }

    static String reportJson(ExportReport report) {
        ObjectNode o = JSON.createObjectNode();
        o.put("format", report.format());
        o.put("include_images", report.includeImages());
        o.put("images", report.images());
        ObjectNode kinds = o.putObject("annotations");
        report.annotations().forEach(kinds::put);
        o.put("file_name", report.zip().getFileName().toString());
        o.put("problem_count", report.problemCount());
        ArrayNode problems = o.putArray("problems");
        for (Problem p : report.problems()) {
            FieldError e = p.error();
            problems.addObject().put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT)).put("location", e.location())
                    .put("field", e.field()).put("value", e.value()).put("expected", e.expected()).put("message", e.message());
        }
        return o.toString();
    }
}
