package dev.annota.app.images;

import dev.annota.app.Progress;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.formats.archive.DatasetInput;
import dev.annota.formats.archive.ZipArchives;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.StoreGc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imports images into a project: uploaded files, a folder or zip on the server (only under the configured
 * import root), or an uploaded zip (extracted zip-slip safe). Exact duplicates are merged, near-duplicates
 * flagged, bad files reported one by one while the rest go in; the database rows of one import are written in
 * one transaction after the files are safely stored (see {@link ImportEngine}).
 */
public final class ImportImages {
    private final ImportEngine engine;
    private final StoreGc gc;

    public ImportImages(Database db, ImageStore store, ImageInspector inspector, ImportSettings settings) {
        this.engine = new ImportEngine(db, store, inspector, settings);
        this.gc = new StoreGc(db, store);
    }

    /** Imports uploaded files (each stream is read once, spooled to the data folder, and closed). */
    public ImportResult uploads(ImportRequest request, List<Upload> files, Progress progress) {
        ImageStore store = engine.store();
        long max = engine.settings().maxUploadBytes();
        Iterator<Candidate> it = files.stream().map(u -> new Candidate(u.fileName(), Optional.of(u.fileName()),
                Candidate.spooled(() -> {
                    try (var in = u.content()) {
                        return store.spool(in, max, u.fileName());
                    }
                }), request.split(), Map.of(), List.of())).iterator();
        return engine.run(request, "upload of " + files.size() + " file" + (files.size() == 1 ? "" : "s"), files.size(), it, List.of(), progress);
    }

    /**
     * Imports a folder (recursively) or a zip that is on the server, named absolute or relative to the import
     * root; anything outside the root, or reached through a link out of it, is refused.
     */
    public ImportResult serverPath(ImportRequest request, String path, Progress progress) throws IOException {
        Path root = engine.settings().importRoot().orElseThrow(() -> ValidationException.of("path", path,
                "expected no server-side path: imports from the server's disk are off (no import root is configured)"));
        Path p = FolderWalk.insideRoot(root, path);
        if (Files.isDirectory(p)) {
            return folder(request, p, "folder " + path, progress);
        }
        if (ZipArchives.isZip(p)) {
            return zip(request, p, progress);
        }
        throw ValidationException.of("path", path, "expected a folder or a zip archive");
    }

    /** Imports the images of an uploaded zip (a file the server received; it is extracted, never trusted). */
    public ImportResult zip(ImportRequest request, Path zip, Progress progress) throws IOException {
        if (!ZipArchives.isZip(zip)) {
            throw new ValidationException(new FieldError(zip.getFileName().toString(), "content", "not a zip archive",
                    "expected a zip archive"));
        }
        progress.start("extracting", 0);
        try (DatasetInput input = DatasetInput.open(zip)) {
            progress.finish();
            return folder(request, input.root(), "zip " + zip.getFileName(), progress);
        }
    }

    private ImportResult folder(ImportRequest request, Path folder, String source, Progress progress) throws IOException {
        FolderWalk.Found found = FolderWalk.walk(folder);
        Path base = folder.toRealPath();
        List<Candidate> candidates = new ArrayList<>();
        for (Path f : found.files()) {
            String rel = FolderWalk.relative(base, f);
            candidates.add(new Candidate(rel, Optional.of(rel), Candidate.existing(f), request.split(), Map.of(), List.of()));
        }
        return engine.run(request, source, candidates.size(), candidates.iterator(), found.refused(), progress);
    }

    /**
     * Removes stored files that no image row references and that are older than an hour (left by crashed or
     * failed imports, or by deleted images), with their thumbnails and stale temporary files.
     */
    public StoreGc.Result gc() throws IOException {
        return gc.collect();
    }
}
