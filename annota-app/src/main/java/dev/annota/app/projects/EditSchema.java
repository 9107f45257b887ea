package dev.annota.app.projects;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuditTrail;
import dev.annota.app.projects.AnnotationRewrite.Blocked;
import dev.annota.app.projects.AnnotationRewrite.Outcome;
import dev.annota.app.projects.AnnotationRewrite.Replace;
import dev.annota.app.projects.AnnotationRewrite.Tally;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.SchemaValidator;
import dev.annota.core.error.ConflictException;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelClass;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import dev.annota.store.AnnotationSets;
import dev.annota.store.VersionConflict;
import dev.annota.store.json.LabelSchemaJson.ClassDraft;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.ProjectAnnotationScan;
import dev.annota.store.projects.Projects;
import dev.annota.store.projects.SchemaVersionConflict;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Edits a project's label schema: add, rename, change and delete classes. Only administrators and the
 * project's managers may. Every edit names the schema version it was based on; a stale one fails with a
 * {@link SchemaVersionConflict} carrying the current schema and version.
 *
 * <p>Class ids never change and are never handed out twice, so renaming a class keeps every annotation
 * pointing at it. A change that would make annotations that are valid now invalid (removing a kind they use,
 * making an attribute required that they lack, shrinking a skeleton…) and deleting a class that annotations
 * use are refused with a {@link ChangeRefused} (how many annotations on how many images, and why), unless the
 * caller gives an explicit {@link InUseChoice}. Rewritten annotation sets are saved as new versions with the
 * acting user as author and a source such as {@code schema edit: deleted class "Car" (id 5)}, so the
 * history keeps what was there.
 *
 * <p>The schema save and every rewrite happen in one transaction: all or nothing, even on a crash. On SQLite
 * the transaction holds the write lock (annotation saves wait); on PostgreSQL the project row is locked first,
 * and when an annotator saves an affected image meanwhile the edit is retried from the start (up to three
 * times). Finding usages scans the project's annotation JSON (see {@link ProjectAnnotationScan}).
 */
public final class EditSchema {
    private static final int ATTEMPTS = 3;

    private final Projects projects;
    private final AnnotationSets sets;
    private final ProjectAnnotationScan scan;
    private final ProjectAccess access;
    private final AuditTrail audit;

    public EditSchema(Projects projects, AnnotationSets sets, ProjectAnnotationScan scan, Access access, AuditTrail audit) {
        this.projects = projects;
        this.sets = sets;
        this.scan = scan;
        this.access = new ProjectAccess(access);
        this.audit = audit;
    }

    /** Adds a class with the next free id; a name already used (compared normalised) is a conflict. */
    public SchemaEdit addClass(Actor actor, String projectId, long expectedVersion, ClassDraft draft) {
        return edit(actor, projectId, expectedVersion, "schema.class_add", schema -> {
            refuseTakenName(schema, draft.name(), Optional.empty());
            LabelSchema.Builder b = schema.toBuilder();
            b.add(draft.name(), c -> draft.toClass(c.id(), c.colour()));
            LabelSchema next = b.build();
            return Plan.schemaOnly(next, "added class " + next.byName(draft.name()).map(Relabel::describe).orElse(draft.name()));
        });
    }

    /** Renames a class; its id stays, so its annotations are untouched and show the new name. */
    public SchemaEdit renameClass(Actor actor, String projectId, long expectedVersion, LabelId id, String newName) {
        return edit(actor, projectId, expectedVersion, "schema.class_rename", schema -> {
            LabelClass old = requireClass(schema, id, projectId);
            refuseTakenName(schema, newName, Optional.of(id));
            return Plan.schemaOnly(schema.toBuilder().rename(id, newName).build(), "renamed class " + Relabel.describe(old)
                    + " to \"" + newName + "\"");
        });
    }

    /**
     * Replaces a class's name, colour (empty: unchanged), kinds, attributes and skeleton. When annotations
     * valid now would become invalid: {@link InUseChoice.Refuse} refuses, {@link InUseChoice.DeleteAnnotations}
     * removes those annotations, {@link InUseChoice.KeepAnnotations} keeps them as they are.
     */
    public SchemaEdit updateClass(Actor actor, String projectId, long expectedVersion, LabelId id, ClassDraft draft,
                                  InUseChoice choice) {
        return change(actor, projectId, expectedVersion, id, old -> draft, choice);
    }

    /**
     * Applies a partial change to a class ({@link ClassPatch}); a patch that only renames is a
     * {@link #renameClass rename}, anything else is an {@link #updateClass update} with the same choices.
     */
    public SchemaEdit patchClass(Actor actor, String projectId, long expectedVersion, LabelId id, ClassPatch patch,
                                 InUseChoice choice) {
        refuseReassign(choice);
        if (patch.isEmpty()) {
            throw ValidationException.of("(body)", "{}", "expected at least one of name, colour, kinds, attributes, skeleton");
        }
        if (!patch.changesMoreThanName()) {
            return renameClass(actor, projectId, expectedVersion, id, patch.name().orElseThrow());
        }
        return change(actor, projectId, expectedVersion, id, patch::applyTo, choice);
    }

    private static void refuseReassign(InUseChoice choice) {
        if (choice instanceof InUseChoice.ReassignTo) {
            throw ValidationException.of("on_use", choice.wireName(),
                    "expected refuse, delete_annotations or keep_annotations when changing a class");
        }
    }

    private SchemaEdit change(Actor actor, String projectId, long expectedVersion, LabelId id,
                              Function<LabelClass, ClassDraft> toDraft, InUseChoice choice) {
        refuseReassign(choice);
        return edit(actor, projectId, expectedVersion, "schema.class_update", schema -> {
            LabelClass old = requireClass(schema, id, projectId);
            ClassDraft draft = toDraft.apply(old);
            refuseTakenName(schema, draft.name(), Optional.of(id));
            LabelClass updated = draft.toClass(id, old.colour());
            LabelSchema next = schema.toBuilder().update(updated).build();
            boolean onlyLooks = old.withName(updated.name()).withColour(updated.colour()).equals(updated);
            String what = "class " + Relabel.describe(old);
            if (onlyLooks || choice instanceof InUseChoice.KeepAnnotations) {
                return Plan.schemaOnly(next, "changed " + what + (onlyLooks ? "" : " (on_use keep_annotations)"));
            }
            Function<Annotation, Outcome> decide = a -> {
                List<FieldError> broken = breaks(schema, next, a, id);
                if (broken.isEmpty()) {
                    return AnnotationRewrite.KEEP;
                }
                return choice instanceof InUseChoice.DeleteAnnotations ? AnnotationRewrite.REMOVE : new Blocked(broken);
            };
            return new Plan(next, Optional.of(decide), "schema edit: changed " + what + ", removed the annotations it made invalid",
                    t -> new ChangeRefused("this change to " + what + " would make " + counts(t) + " invalid ("
                            + AnnotationRewrite.describe(t.problems()) + "); choose delete_annotations to remove them (each image "
                            + "saved as a new version; the history keeps them) or keep_annotations to keep them as they are",
                            t.blockedAnnotations(), t.blockedImages(), t.problems()));
        });
    }

    /**
     * Deletes a class. Unused, it is simply deleted. In use: {@link InUseChoice.Refuse} refuses (saying how
     * many annotations on how many images use it), {@link InUseChoice.DeleteAnnotations} removes them,
     * {@link InUseChoice.ReassignTo} relabels them to another class (keeping only the attributes that class
     * defines; refused when the relabelled annotations would not fit it).
     */
    public SchemaEdit deleteClass(Actor actor, String projectId, long expectedVersion, LabelId id, InUseChoice choice) {
        if (choice instanceof InUseChoice.KeepAnnotations) {
            throw ValidationException.of("on_use", choice.wireName(), "expected refuse, delete_annotations or "
                    + "reassign_to when deleting a class (annotations cannot keep a class that no longer exists)");
        }
        return edit(actor, projectId, expectedVersion, "schema.class_delete", schema -> {
            LabelClass cls = requireClass(schema, id, projectId);
            LabelSchema next = schema.toBuilder().remove(id).build();
            String what = "class " + Relabel.describe(cls);
            if (choice instanceof InUseChoice.ReassignTo r) {
                LabelClass target = schema.get(r.target()).filter(t -> !t.id().equals(id)).orElseThrow(() ->
                        ValidationException.of("reassign_to", r.target(), "expected the id of another class of the schema"));
                String to = Relabel.describe(target);
                Function<Annotation, Outcome> decide = a -> {
                    if (!a.label().equals(id)) {
                        return AnnotationRewrite.KEEP;
                    }
                    Annotation moved = Relabel.to(a, target);
                    List<FieldError> now = SchemaValidator.errors(next, moved);
                    return SchemaValidator.errors(schema, a).isEmpty() && !now.isEmpty() ? new Blocked(now) : new Replace(moved);
                };
                return new Plan(next, Optional.of(decide), "schema edit: deleted " + what + ", annotations relabelled to " + to,
                        t -> new ChangeRefused("relabelling the annotations of " + what + " to " + to + " would make " + counts(t)
                                + " invalid (" + AnnotationRewrite.describe(t.problems()) + "); change class " + to
                                + " first, or choose delete_annotations", t.blockedAnnotations(), t.blockedImages(), t.problems()));
            }
            boolean delete = choice instanceof InUseChoice.DeleteAnnotations;
            Function<Annotation, Outcome> decide = a -> !a.label().equals(id) ? AnnotationRewrite.KEEP
                    : delete ? AnnotationRewrite.REMOVE : new Blocked(List.of());
            return new Plan(next, Optional.of(decide), "schema edit: deleted " + what,
                    t -> new ChangeRefused(what + " is used by " + counts(t) + "; deleting it needs an explicit choice: "
                            + "delete_annotations (removes them, each image saved as a new version; the history keeps them) or "
                            + "reassign_to another class", t.blockedAnnotations(), t.blockedImages(), t.problems()));
        });
    }

    /** A new schema and, when annotations may be affected, what to do with each. */
    private record Plan(LabelSchema schema, Optional<Function<Annotation, Outcome>> decide, String source,
                        Function<Tally, ChangeRefused> refusal, String note) {
        Plan(LabelSchema schema, Optional<Function<Annotation, Outcome>> decide, String source, Function<Tally, ChangeRefused> refusal) {
            this(schema, decide, source, refusal, source.replaceFirst("^schema edit: ", ""));
        }

        static Plan schemaOnly(LabelSchema schema, String note) {
            return new Plan(schema, Optional.empty(), "", t -> {
                throw new IllegalStateException("nothing to refuse");
            }, note);
        }
    }

    /** Plans and saves a change in one transaction, with its audit entry ({@code action}, the plan's note and counts). */
    private SchemaEdit edit(Actor actor, String projectId, long expectedVersion, String action, Function<LabelSchema, Plan> planner) {
        access.requireManager(actor, projectId, "change the label schema");
        for (int attempt = 1; ; attempt++) {
            try {
                return projects.inTransaction(() -> {
                    Project current = projects.get(projectId);
                    if (current.schemaVersion() != expectedVersion) {
                        throw new SchemaVersionConflict(current, expectedVersion);
                    }
                    Plan plan = planner.apply(current.schema());
                    Project saved = projects.saveSchema(projectId, expectedVersion, plan.schema());
                    if (plan.decide().isEmpty()) {
                        audit.record(Optional.of(actor), action, "project:" + projectId, plan.note());
                        return new SchemaEdit(saved, 0, 0);
                    }
                    Tally t = AnnotationRewrite.run(scan, sets, projectId, plan.decide().get(), Optional.of(actor.userId()), plan.source());
                    if (t.blocked()) {
                        throw plan.refusal().apply(t);
                    }
                    audit.record(Optional.of(actor), action, "project:" + projectId, plan.note() + " (" + plural(t.changedAnnotations(),
                            "annotation") + " on " + plural(t.changedImages(), "image") + " rewritten)");
                    return new SchemaEdit(saved, t.changedAnnotations(), t.changedImages());
                });
            } catch (VersionConflict e) {
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("project " + projectId + ": annotations kept being saved during the schema edit; "
                            + "nothing was changed; try again", e);
                }
            }
        }
    }

    /** The problems {@code a} would newly have: it is of class {@code id}, fits {@code before} but not {@code after}. */
    private static List<FieldError> breaks(LabelSchema before, LabelSchema after, Annotation a, LabelId id) {
        if (!a.label().equals(id) || !SchemaValidator.errors(before, a).isEmpty()) {
            return List.of();
        }
        return SchemaValidator.errors(after, a);
    }

    static LabelClass requireClass(LabelSchema schema, LabelId id, String projectId) {
        return schema.get(id).orElseThrow(() -> new NotFoundException("project " + projectId + ": no class with id " + id
                + " in the label schema"));
    }

    private static void refuseTakenName(LabelSchema schema, String name, Optional<LabelId> self) {
        schema.byName(name).filter(c -> self.map(s -> !s.equals(c.id())).orElse(true)).ifPresent(c -> {
            throw new ConflictException("class name \"" + name + "\" collides with existing class " + Relabel.describe(c)
                    + "; class names must differ in more than case and spacing");
        });
    }

    static String counts(Tally t) {
        return plural(t.blockedAnnotations(), "annotation") + " on " + plural(t.blockedImages(), "image");
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
