package dev.annota.app.annotations;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoundsPolicy;
import dev.annota.core.annotation.SchemaValidator;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.projects.Projects;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One image's annotation set, as users read and write it. Any member of the image's project reads (and admins);
 * managers and annotators write — reviewers only read (review decisions go through the workflow). A save names
 * the version it edited: a stale one is a {@code VersionConflict} carrying the current set, so nothing is lost.
 * Before saving, every annotation is checked against the project's label schema ({@link SchemaValidator}) and
 * the image's bounds ({@link BoundsPolicy#REJECT}); all errors are reported together, each located at
 * {@code /annotations/<index>}.
 */
public final class ImageAnnotations {
    private static final ProjectRole[] WRITERS = {ProjectRole.MANAGER, ProjectRole.ANNOTATOR};

    private final ImageCatalog catalog;
    private final AnnotationSets sets;
    private final Projects projects;

    public ImageAnnotations(Database db, ImageCatalog catalog) {
        this.catalog = catalog;
        this.sets = new AnnotationSets(db);
        this.projects = new Projects(db);
    }

    /** The current set (version 0 and no annotations when it was never saved). */
    public AnnotationSets.Current get(Actor actor, String imageId) {
        catalog.image(actor, imageId);
        return sets.get(imageId);
    }

    /** Validates and saves {@code annotations} as the version after {@code expectedVersion}; returns the new current set. */
    public AnnotationSets.Current save(Actor actor, String imageId, long expectedVersion, List<Annotation> annotations) {
        ImageRecord image = catalog.image(actor, imageId, WRITERS);
        checkVersion("version", expectedVersion);
        validate(projects.get(image.projectId()).schema(), new ImageSize(image.width(), image.height()), annotations);
        sets.save(imageId, expectedVersion, annotations, Optional.of(actor.userId()), "api");
        return sets.get(imageId);
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

    /**
     * Saves version {@code version} again as the one after {@code expectedVersion} and returns the new current
     * set. A version with annotations of classes deleted since is refused (409): restore it through the
     * project's restore, which offers a choice for them.
     */
    public AnnotationSets.Current restore(Actor actor, String imageId, long version, long expectedVersion) {
        ImageRecord image = catalog.image(actor, imageId, WRITERS);
        checkVersion("expected_version", expectedVersion);
        List<Annotation> old = sets.version(imageId, version).orElseThrow(() -> noVersion(imageId, version));
        LabelSchema schema = projects.get(image.projectId()).schema();
        TreeSet<Integer> deleted = new TreeSet<>();
        old.stream().filter(a -> !schema.contains(a.label())).forEach(a -> deleted.add(a.label().value()));
        if (!deleted.isEmpty()) {
            throw new ConflictException("version " + version + " of image " + imageId + " has annotations of deleted classes "
                    + deleted + "; restore it with POST /api/v1/projects/" + image.projectId() + "/images/" + imageId
                    + "/annotations/restore and a choice for them (delete_annotations or reassign_to)");
        }
        sets.restore(imageId, version, expectedVersion, Optional.of(actor.userId()));
        return sets.get(imageId);
    }

    /** Every schema and bounds error of {@code annotations}, each located at {@code /annotations/<index>}. */
    static void validate(LabelSchema schema, ImageSize size, List<Annotation> annotations) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            String at = "/annotations/" + i;
            Annotation a = annotations.get(i);
            SchemaValidator.errors(schema, a).forEach(e -> errors.add(located(e, at)));
            try {
                BoundsPolicy.REJECT.apply(a, size);
            } catch (ValidationException e) {
                e.errors().forEach(err -> errors.add(located(err, at)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static FieldError located(FieldError e, String at) {
        return new FieldError(e.location().isEmpty() ? at : at + "/" + e.location(), e.field(), e.value(), e.expected());
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
