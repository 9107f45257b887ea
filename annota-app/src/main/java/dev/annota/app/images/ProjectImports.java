package dev.annota.app.images;

import dev.annota.app.Progress;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.ValidationException;
import dev.annota.core.item.Item;
import dev.annota.formats.FormatRegistry;
import dev.annota.store.Database;
import dev.annota.store.images.ImageInspector;
import dev.annota.store.images.ImageStore;
import dev.annota.store.projects.Projects;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Imports into a project on behalf of a user: checks that the project exists and that the actor is one of its
 * managers (or an admin), then runs {@link ImportImages} (uploads, a server-side folder or zip) or
 * {@link ImportDataset} (a dataset with annotations; its labels are merged into the stored project schema).
 */
public final class ProjectImports {
    private final ImportImages images;
    private final ImportDataset datasets;
    private final ImageCatalog catalog;

    public ProjectImports(Database db, ImageStore store, ImageInspector inspector, ImportSettings settings, FormatRegistry formats,
                          ImageCatalog catalog) {
        this.images = new ImportImages(db, store, inspector, settings);
        this.datasets = new ImportDataset(db, store, inspector, settings, formats, new StoredProjectSchemas(new Projects(db)));
        this.catalog = catalog;
    }

    /** Uploaded files, into {@code split} (the default split when empty). */
    public ImportResult uploads(Actor actor, String projectId, Optional<String> split, List<Upload> files) {
        ImportRequest request = request(actor, projectId, split);
        if (files.isEmpty()) {
            throw ValidationException.of("files", "no file", "expected at least one file part in the multipart request");
        }
        return images.uploads(request, files, Progress.NONE);
    }

    /**
     * A folder or zip under the server's import root: its images, or — when {@code format} is given ("auto"
     * detects it) — a dataset with its annotations.
     */
    public ImportResult serverPath(Actor actor, String projectId, String path, Optional<String> format, Optional<String> split)
            throws IOException {
        ImportRequest request = request(actor, projectId, split);
        if (format.isPresent()) {
            return datasets.serverPath(request, path, format.get(), Progress.NONE);
        }
        return images.serverPath(request, path, Progress.NONE);
    }

    /** Checks, before a large upload is read, that the project exists and that {@code actor} may import into it. */
    public void requireImporter(Actor actor, String projectId) {
        catalog.requireProject(actor, projectId, ProjectRole.MANAGER);
    }

    private ImportRequest request(Actor actor, String projectId, Optional<String> split) {
        requireImporter(actor, projectId);
        return new ImportRequest(projectId, Optional.of(actor.userId()), split.orElse(Item.DEFAULT_SUBSET));
    }
}
