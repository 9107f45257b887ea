package dev.annota.app.images;

import dev.annota.app.Progress;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuditTrail;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.operations.OperationOutcome;
import dev.annota.app.operations.ProjectOperations;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.FormatRegistry;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.operations.Operation;
import dev.annota.store.projects.Projects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Imports into a project on behalf of a user: checks that the project exists and that the actor is one of its
 * managers (or an admin), then runs {@link ImportImages} (uploads, a server-side folder or zip) or
 * {@link ImportDataset} (a dataset with annotations; its labels are merged into the stored project schema).
 * A server-side import can also run as an operation ({@link #serverPathAsync}), with progress per image.
 *
 * <p>After every import, an audit entry {@code images.import} names the project, the source and the counts, and
 * — when the project uses the workflow (it has tasks) — each new image gets its task ({@link ImportFollowUp}).
 */
public final class ProjectImports {
    /** The operation kind of an asynchronous import. */
    public static final String KIND = "import";

    private final ImportImages images;
    private final ImportDataset datasets;
    private final ImageCatalog catalog;
    private final ImportSettings settings;
    private final FormatRegistry formats;
    private final ImportFollowUp followUp;
    private final ProjectOperations operations;

    public ProjectImports(Database db, ImageStore store, ImageInspector inspector, ImportSettings settings, FormatRegistry formats,
                          ImageCatalog catalog, AuditTrail audit, ProjectOperations operations) {
        this.images = new ImportImages(db, store, inspector, settings);
        this.datasets = new ImportDataset(db, store, inspector, settings, formats, new StoredProjectSchemas(new Projects(db)));
        this.catalog = catalog;
        this.settings = settings;
        this.formats = formats;
        this.followUp = new ImportFollowUp(db, audit);
        this.operations = operations;
    }

    /** Uploaded files, into {@code split} (the default split when empty). */
    public ImportResult uploads(Actor actor, String projectId, Optional<String> split, List<Upload> files) {
        ImportRequest request = request(actor, projectId, split);
        if (files.isEmpty()) {
            throw ValidationException.of("files", "no file", "expected at least one file part in the multipart request");
        }
        ImportResult result = images.uploads(request, files, Progress.NONE);
        return followUp.done(actor, projectId, "upload of " + files.size() + " file(s)", result);
    }

    /**
     * A folder or zip under the server's import root: its images, or — when {@code format} is given ("auto"
     * detects it) — a dataset with its annotations.
     */
    public ImportResult serverPath(Actor actor, String projectId, String path, Optional<String> format, Optional<String> split)
            throws IOException {
        ImportRequest request = request(actor, projectId, split);
        return run(actor, request, path, format, Progress.NONE);
    }

    /**
     * The same import as {@link #serverPath}, queued as an operation of kind {@code import}: the path and format are
     * checked now (a bad one is an error at once), the import runs later with progress per image, and its
     * report — rendered by {@code report}, as the synchronous answer is — becomes the operation's result.
     */
    public Operation serverPathAsync(Actor actor, String projectId, String path, Optional<String> format, Optional<String> split,
                                     Function<ImportResult, String> report) {
        ImportRequest request = request(actor, projectId, split);
        Path root = settings.importRoot().orElseThrow(() -> ValidationException.of("path", path,
                "expected no server-side path: imports from the server's disk are off (no import root is configured)"));
        FolderWalk.insideRoot(root, path);
        format.filter(f -> !f.isBlank() && !f.equalsIgnoreCase("auto")).ifPresent(this::readable);
        String json = "{\"path\":" + quote(path) + ",\"format\":" + format.map(ProjectImports::quote).orElse("null")
                + ",\"split\":" + quote(request.split()) + "}";
        return operations.start(actor, projectId, KIND, json, work -> {
            ImportResult result = run(actor, request, path, format, work.progress());
            return new OperationOutcome(Optional.empty(), report.apply(result), result.added().size() + " added, "
                    + result.duplicates().size() + " duplicate(s), " + result.problems().size() + " problem(s)");
        });
    }

    /** Checks, before a large upload is read, that the project exists and that {@code actor} may import into it. */
    public void requireImporter(Actor actor, String projectId) {
        catalog.requireProject(actor, projectId, ProjectRole.MANAGER);
    }

    private ImportResult run(Actor actor, ImportRequest request, String path, Optional<String> format, Progress progress)
            throws IOException {
        ImportResult result = format.isPresent()
                ? datasets.serverPath(request, path, format.get(), progress)
                : images.serverPath(request, path, progress);
        return followUp.done(actor, request.projectId(), (format.isPresent() ? "dataset " : "path ") + path, result);
    }

    private void readable(String name) {
        Optional<DatasetFormat> f = formats.find(name);
        if (f.isEmpty() || f.get().reader().isEmpty()) {
            throw ValidationException.of("format", name, "a format that can be read, or auto; readable formats: " + String.join(", ",
                    formats.formats().stream().filter(x -> x.reader().isPresent()).map(DatasetFormat::name).toList()));
        }
    }

    private ImportRequest request(Actor actor, String projectId, Optional<String> split) {
        requireImporter(actor, projectId);
        return new ImportRequest(projectId, Optional.of(actor.userId()), split.orElse(Item.DEFAULT_SUBSET));
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
