package dev.annota.app.projects;

import dev.annota.app.annotations.AnnotationWriteRule;
import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuditTrail;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.SchemaValidator;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.Database;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.Images;
import dev.annota.store.projects.Projects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Restores an earlier version of an image's annotations, checked against the project's current label schema.
 *
 * <p>An earlier version may hold annotations of a class deleted since. Restoring them as they are would bring
 * back labels that mean nothing (class ids are never reused, so they cannot silently mean a new class either),
 * so such a restore is refused with a {@link ChangeRefused} naming the deleted class ids and the count, unless
 * the caller chooses: {@link InUseChoice.DeleteAnnotations} restores the version without them, and
 * {@link InUseChoice.ReassignTo} restores them relabelled to an existing class (keeping only the attributes it
 * defines; refused when they would not fit it). Versions whose classes all still exist are restored exactly as
 * they were, even where a later schema change makes some of them invalid: the annotations endpoint's
 * validation reports those. This is the one restore: {@code POST /images/{id}/annotations/restore} calls it, with
 * {@code on_use} and {@code reassign_to} in the body; every restore is written to the audit log.
 */
public final class RestoreAnnotations {
    private final Projects projects;
    private final AnnotationSets sets;
    private final Images images;
    private final AnnotationWriteRule writers;
    private final AuditTrail audit;

    public RestoreAnnotations(Database db, Access access, AuditTrail audit) {
        this.projects = new Projects(db);
        this.sets = new AnnotationSets(db);
        this.images = new Images(db);
        this.writers = new AnnotationWriteRule(db, access);
        this.audit = audit;
    }

    /**
     * Saves version {@code version} of the image's set again as the one after {@code expectedVersion} (a stale one
     * is a {@code VersionConflict}); returns the new current set. Who may is {@link AnnotationWriteRule}'s to say.
     */
    public AnnotationSets.Current restore(Actor actor, String imageId, long version, long expectedVersion, InUseChoice choice) {
        ImageRecord image = images.get(imageId).orElseThrow(() -> new NotFoundException("image " + imageId + ": no such image"));
        writers.require(actor, image);
        if (expectedVersion < 0) {
            throw ValidationException.of("expected_version", expectedVersion, "expected a version >= 0 (0: the image has never been saved)");
        }
        if (choice instanceof InUseChoice.KeepAnnotations) {
            throw ValidationException.of("on_use", choice.wireName(), "expected refuse, delete_annotations or "
                    + "reassign_to (annotations of a deleted class cannot be restored as they are)");
        }
        long saved = restore(actor, image.projectId(), imageId, version, expectedVersion, choice);
        audit.record(Optional.of(actor), "annotations.restore", "image:" + imageId, "restored version " + version + " as version "
                + saved + (choice instanceof InUseChoice.Refuse ? "" : " (" + choice.wireName() + ")"));
        return sets.get(imageId);
    }

    private long restore(Actor actor, String projectId, String imageId, long version, long expectedVersion, InUseChoice choice) {
        LabelSchema schema = projects.get(projectId).schema();
        List<Annotation> old = sets.version(imageId, version).orElseThrow(() -> new NotFoundException("image " + imageId
                + ": no saved version " + version + " to restore (see its annotations/history)"));
        TreeSet<Integer> deleted = new TreeSet<>();
        old.stream().filter(a -> !schema.contains(a.label())).forEach(a -> deleted.add(a.label().value()));
        Optional<String> author = Optional.of(actor.userId());
        if (deleted.isEmpty()) {
            return sets.restore(imageId, version, expectedVersion, author);
        }
        long orphans = old.stream().filter(a -> !schema.contains(a.label())).count();
        String what = EditSchema.plural((int) orphans, "annotation") + " of deleted class" + (deleted.size() == 1 ? " " : "es ")
                + deleted;
        if (choice instanceof InUseChoice.DeleteAnnotations) {
            List<Annotation> kept = old.stream().filter(a -> schema.contains(a.label())).toList();
            return sets.save(imageId, expectedVersion, kept, author, "restore of version " + version + " without " + what);
        }
        if (choice instanceof InUseChoice.ReassignTo r) {
            LabelClass target = schema.get(r.target()).orElseThrow(() ->
                    ValidationException.of("reassign_to", r.target(), "expected the id of a class of the schema"));
            List<Annotation> next = new ArrayList<>(old.size());
            Map<String, Integer> byField = new TreeMap<>();
            for (Annotation a : old) {
                if (schema.contains(a.label())) {
                    next.add(a);
                    continue;
                }
                Annotation moved = Relabel.to(a, target);
                SchemaValidator.errors(schema, moved).stream().map(FieldError::field).distinct()
                        .forEach(f -> byField.merge(f, 1, Integer::sum));
                next.add(moved);
            }
            if (!byField.isEmpty()) {
                throw new ChangeRefused("version " + version + " of image " + imageId + " has " + what + "; relabelled to "
                        + Relabel.describe(target) + " they would be invalid (" + AnnotationRewrite.describe(byField)
                        + "); choose delete_annotations or another class", (int) orphans, 1, byField);
            }
            return sets.save(imageId, expectedVersion, next, author, "restore of version " + version + ", " + what
                    + " relabelled to " + Relabel.describe(target));
        }
        throw new ChangeRefused("version " + version + " of image " + imageId + " has " + what + "; restoring it needs an "
                + "explicit choice: delete_annotations (restore without them) or reassign_to an existing class",
                (int) orphans, 1, Map.of("label", (int) orphans));
    }
}
