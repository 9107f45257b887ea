package dev.annota.app.annotations;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.projects.Projects;
import java.util.List;
import java.util.Optional;

/**
 * One image's annotation set, as users read and write it. Any member of the image's project reads (and admins);
 * who writes is {@link AnnotationWriteRule}'s to say (managers; annotators on their own jobs once the project uses
 * the workflow; reviewers never). A save names the version it edited: a stale one is a {@code VersionConflict}
 * carrying the current set, so nothing is lost. Before saving, the set is checked by {@link AnnotationValidator}.
 * Restoring an earlier version is {@link dev.annota.app.projects.RestoreAnnotations}.
 *
 * <p>A save does the reads of its checks on one connection, reads the project's schema through a
 * {@link SchemaCache}, then gives the connection back and writes in a transaction shared with concurrent saves
 * ({@link dev.annota.store.Database#inGroupedTransaction}: it returns once that is committed), and answers with
 * the set as it wrote it.
 */
public final class ImageAnnotations {
    private final ImageCatalog catalog;
    private final AnnotationSets sets;
    private final AnnotationWriteRule writers;
    private final SchemaCache schemas;
    private final Database db;

    public ImageAnnotations(Database db, ImageCatalog catalog, Access access) {
        this.db = db;
        this.catalog = catalog;
        this.writers = new AnnotationWriteRule(db, access);
        this.sets = new AnnotationSets(db);
        this.schemas = new SchemaCache(new Projects(db));
    }

    /** The current set (version 0 and no annotations when it was never saved). */
    public AnnotationSets.Current get(Actor actor, String imageId) {
        return db.onOneConnection(() -> {
            catalog.image(actor, imageId);
            return sets.get(imageId);
        });
    }

    /**
     * Validates and saves {@code annotations} as the version after {@code expectedVersion}; returns the set as
     * this save wrote it (its version and content, whatever other saves happen right after it).
     */
    public AnnotationSets.Current save(Actor actor, String imageId, long expectedVersion, List<Annotation> annotations) {
        db.onOneConnection(() -> {
            ImageRecord image = catalog.find(imageId);
            writers.require(actor, image);
            checkVersion("version", expectedVersion);
            AnnotationValidator.check(schemas.current(image.projectId()), new ImageSize(image.width(), image.height()), annotations);
            return image;
        });
        return sets.saveReturning(imageId, expectedVersion, annotations, Optional.of(actor.userId()), "api");
    }

    /** Every saved version, newest first. */
    public List<AnnotationSets.Version> history(Actor actor, String imageId) {
        catalog.image(actor, imageId);
        return sets.history(imageId);
    }

    /** The annotations of one saved version. */
    public List<Annotation> version(Actor actor, String imageId, long version) {
        catalog.image(actor, imageId);
        return sets.version(imageId, version).orElseThrow(() -> noVersion(imageId, version));
    }

    private static void checkVersion(String field, long v) {
        if (v < 0) {
            throw ValidationException.of(field, v, "expected a version >= 0 (0: the image has never been saved)");
        }
    }

    private static NotFoundException noVersion(String imageId, long version) {
        return new NotFoundException("image " + imageId + ": no saved version " + version + " (see its annotations/history)");
    }
}
