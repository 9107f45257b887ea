package dev.annota.app.images;

import dev.annota.app.Progress;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.AnnotaException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.FormatRegistry;
import dev.annota.formats.ImportReport;
import dev.annota.formats.Problem;
import dev.annota.formats.SafePaths;
import dev.annota.formats.archive.DatasetInput;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Imports a dataset with its annotations, in any format the registry reads (folder or zip): the project's
 * label schema first gains the dataset's classes it lacks (matched by normalised name), each item's image is
 * imported as {@link ImportImages} does, and its annotations — relabelled to the project's ids — become the
 * image's annotation set version 1, in the same transaction as the image rows. Each item's subset becomes the
 * image's split and its metadata the image's metadata. An item whose image is an exact duplicate of an image
 * the project has is reported, and its annotations are not imported (the existing set is never overwritten).
 * Problems of the reader are part of the result; the import goes on past them.
 */
public final class ImportDataset {
    private final ImportEngine engine;
    private final FormatRegistry formats;
    private final ProjectSchemas schemas;

    public ImportDataset(Database db, ImageStore store, ImageInspector inspector, ImportSettings settings, FormatRegistry formats,
                         ProjectSchemas schemas) {
        this.engine = new ImportEngine(db, store, inspector, settings);
        this.formats = formats;
        this.schemas = schemas;
    }

    /** A dataset on the server (folder or zip), under the import root. {@code format} empty or "auto" detects it. */
    public ImportResult serverPath(ImportRequest request, String path, String format, Progress progress) throws IOException {
        Path root = engine.settings().importRoot().orElseThrow(() -> ValidationException.of("path", path,
                "expected no server-side path: imports from the server's disk are off (no import root is configured)"));
        return uploaded(request, FolderWalk.insideRoot(root, path), format, progress);
    }

    /** A dataset the server received (a zip, usually), extracted safely. */
    public ImportResult uploaded(ImportRequest request, Path path, String format, Progress progress) throws IOException {
        try (DatasetInput input = DatasetInput.open(path)) {
            Path root = input.root().toRealPath();
            DatasetFormat f = format(root, format);
            ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
            progress.start("reading " + f.name(), 0);
            Dataset dataset = f.reader().orElseThrow().read(root, report);
            progress.finish();
            LabelSchema merged = schemas.mergeLabels(request.projectId(), dataset.schema());
            Map<LabelId, LabelId> ids = mapping(dataset.schema(), merged);
            List<FieldError> problems = new ArrayList<>();
            try (Stream<Item> items = dataset.items()) {
                Iterator<Candidate> candidates = items.map(item -> candidate(root, item, ids, problems))
                        .flatMap(Optional::stream).iterator();
                ImportResult result = engine.run(request, "dataset " + path.getFileName() + " (" + f.name() + ")",
                        dataset.size().orElse(0), candidates, List.of(), progress);
                List<FieldError> all = new ArrayList<>(report.problems().stream()
                        .filter(p -> p.severity() == Problem.Severity.ERROR).map(Problem::error).toList());
                all.addAll(problems);
                all.addAll(result.problems());
                return new ImportResult(result.importId(), result.added(), result.duplicates(), result.nearDuplicates(), all);
            }
        }
    }

    private DatasetFormat format(Path root, String name) throws IOException {
        DatasetFormat f = name == null || name.isBlank() || name.equalsIgnoreCase("auto")
                ? formats.detect(root).format() : formats.get(name);
        if (f.reader().isEmpty()) {
            throw new AnnotaException("the format \"" + f.name() + "\" can be written but not read");
        }
        return f;
    }

    /** Each incoming class id to the project's id of the class with the same normalised name. */
    static Map<LabelId, LabelId> mapping(LabelSchema incoming, LabelSchema project) {
        Map<LabelId, LabelId> out = new HashMap<>();
        for (LabelClass c : incoming.classes()) {
            LabelClass target = project.byName(c.name()).orElseThrow(() -> new IllegalStateException(
                    "the merged schema lacks the class \"" + c.name() + "\""));
            out.put(c.id(), target.id());
        }
        return out;
    }

    private static Optional<Candidate> candidate(Path root, Item item, Map<LabelId, LabelId> ids, List<FieldError> problems) {
        String where = "item " + item.id();
        try {
            Path file = imageFile(root, item, where);
            String rel = FolderWalk.relative(root, file);
            List<Annotation> relabelled = item.annotations().stream()
                    .map(a -> a.withInfo(a.info().withLabel(relabel(ids, a.label(), where)))).toList();
            return Optional.of(new Candidate(rel, Optional.of(rel), Candidate.existing(file), item.subset(), item.metadata(), relabelled));
        } catch (ValidationException e) {
            problems.addAll(e.errors());
            return Optional.empty();
        }
    }

    private static LabelId relabel(Map<LabelId, LabelId> ids, LabelId label, String where) {
        LabelId to = ids.get(label);
        if (to == null) {
            throw new ValidationException(new FieldError(where, "label", label.toString(), "expected a class of the dataset's schema"));
        }
        return to;
    }

    /** The item's image as a file inside the dataset folder (links out of it, URLs and missing files refused). */
    private static Path imageFile(Path root, Item item, String where) {
        String location = item.image().location();
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
            throw new ValidationException(new FieldError(where, "image", location, "expected an image file inside the dataset, not a URL"));
        }
        Path p = Path.of(location);
        Path resolved = p.isAbsolute() ? p.normalize() : SafePaths.resolveInside(root, location, where, "image");
        if (!Files.isRegularFile(resolved)) {
            throw new ValidationException(new FieldError(where, "image", location, "expected an image file inside the dataset (missing)"));
        }
        try {
            Path real = resolved.toRealPath();
            if (!real.startsWith(root)) {
                throw new ValidationException(new FieldError(where, "image", location, "expected an image file inside the dataset folder"));
            }
            return real;
        } catch (IOException e) {
            throw new ValidationException(new FieldError(where, "image", location, "expected a readable image file (" + e.getMessage() + ")"));
        }
    }
}
