package dev.annota.app.images;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.NotFoundException;
import dev.annota.store.Database;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImagePage;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.ImageSort;
import dev.annota.store.images.ImageStore;
import dev.annota.store.images.Images;
import dev.annota.store.images.StoredFile;
import dev.annota.store.projects.Projects;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reading a project's images: one image's record, a page of a listing, its original file and its thumbnail.
 * Any member of the image's project (any role) and admins may read; others get a {@code ForbiddenException},
 * and an unknown image or project is a {@link NotFoundException}.
 */
public final class ImageCatalog {
    private final Images images;
    private final ImageQueries queries;
    private final ImageStore store;
    private final Projects projects;
    private final Access access;

    public ImageCatalog(Database db, ImageStore store, Access access) {
        this.images = new Images(db);
        this.queries = new ImageQueries(db);
        this.store = Objects.requireNonNull(store, "store");
        this.projects = new Projects(db);
        this.access = Objects.requireNonNull(access, "access");
    }

    /** An image and the file to serve for it. */
    public record Served(ImageRecord image, StoredFile file) {
    }

    /**
     * The image, when {@code actor} is a member of its project with one of {@code roles} (any role when none
     * is given) or an admin.
     */
    public ImageRecord image(Actor actor, String imageId, ProjectRole... roles) {
        ImageRecord image = find(imageId);
        access.requireProjectRole(actor, image.projectId(), roles);
        return image;
    }

    /**
     * The image's record <b>without an access check</b>, or a {@link NotFoundException}: for a use case that makes
     * its own, stricter check of the caller's role in the image's project right after (saving annotations).
     */
    public ImageRecord find(String imageId) {
        return images.get(imageId).orElseThrow(() -> new NotFoundException("image " + imageId + ": no such image"));
    }

    /** A page of the project's images (see {@link ImageQueries#list}). */
    public ImagePage list(Actor actor, String projectId, ImageFilter filter, ImageSort sort, int limit, Optional<String> cursor) {
        requireProject(actor, projectId);
        return queries.list(projectId, filter, sort, limit, cursor);
    }

    /** The stored original of the image. */
    public Served original(Actor actor, String imageId) throws IOException {
        ImageRecord image = image(actor, imageId);
        StoredFile file = store.original(image.sha256(), image.format()).orElseThrow(() -> new NotFoundException(
                "image " + imageId + ": the original file is missing from the image store"));
        return new Served(image, file);
    }

    /** The thumbnail of the image, made on first request. */
    public Served thumbnail(Actor actor, String imageId) throws IOException {
        ImageRecord image = image(actor, imageId);
        return new Served(image, store.thumbnail(image.sha256(), image.format(), image.orientation()));
    }

    /** Checks that the project exists and that {@code actor} may work in it with one of {@code roles}. */
    public void requireProject(Actor actor, String projectId, ProjectRole... roles) {
        access.requireProjectRole(actor, projectId, roles);
        projects.get(projectId);
    }
}
