package dev.annota.app.images;

import dev.annota.app.auth.Actor;
import dev.annota.app.auth.AuditTrail;
import dev.annota.store.Database;
import dev.annota.store.workflow.WorkflowTasks;
import java.util.List;
import java.util.Optional;

/**
 * What follows every import: an audit entry ({@code images.import} on {@code project:<id>}, with the source and
 * the counts), and, when the project uses the workflow (it has at least one task), a task for each new image
 * with the default overlap of {@value #DEFAULT_OVERLAP} annotator — so imported images never miss the
 * annotators' queue. Projects that do not use the workflow get no tasks.
 */
final class ImportFollowUp {
    /** Annotators per image for the tasks of imported images. */
    static final int DEFAULT_OVERLAP = 1;

    private final AuditTrail audit;
    private final WorkflowTasks tasks;

    ImportFollowUp(Database db, AuditTrail audit) {
        this.audit = audit;
        this.tasks = new WorkflowTasks(db);
    }

    /** Records and completes the import; returns {@code result}. */
    ImportResult done(Actor actor, String projectId, String source, ImportResult result) {
        List<String> added = result.added().stream().map(ImportResult.Added::imageId).toList();
        int created = 0;
        if (!added.isEmpty() && !tasks.taskImageIds(projectId).isEmpty()) {
            created = tasks.ensureTasks(projectId, added, DEFAULT_OVERLAP).created();
        }
        audit.record(Optional.of(actor), "images.import", "project:" + projectId, source + ": " + added.size() + " added, "
                + result.duplicates().size() + " duplicate(s), " + result.problems().size() + " problem(s)"
                + (created > 0 ? ", " + created + " workflow task(s)" : "") + " (import " + result.importId() + ")");
        return result;
    }
}
