package dev.annota.app.annotations;

import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.app.auth.ProjectRole;
import dev.annota.core.error.ForbiddenException;
import dev.annota.store.Database;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.Task;
import dev.annota.store.workflow.WorkflowJobs;
import dev.annota.store.workflow.WorkflowTasks;
import java.util.List;
import java.util.Optional;

/**
 * Who may write an image's own annotation set (save, restore). <b>The rule:</b> admins and the project's managers
 * always; reviewers never (they read, and act through the review workflow); annotators any image of the project
 * while the project has no workflow tasks (open annotation), and once it has tasks only images whose task has a
 * job assigned to them that is still in the annotate stage (new, in progress or rejected), with overlap 1 — with
 * overlap &gt; 1 each annotator's work is their job's own set ({@code PUT /jobs/{id}/annotations}). A first save
 * into a new job starts it, as saving through the job does.
 */
public final class AnnotationWriteRule {
    private final Access access;
    private final WorkflowTasks tasks;
    private final WorkflowJobs jobs;

    public AnnotationWriteRule(Database db, Access access) {
        this.access = access;
        this.tasks = new WorkflowTasks(db);
        this.jobs = new WorkflowJobs(db);
    }

    /** Passes when {@code actor} may write the image's set; else a ForbiddenException that names the rule. */
    public void require(Actor actor, ImageRecord image) {
        String project = image.projectId();
        Optional<ProjectRole> role = access.requireProjectRole(actor, project, ProjectRole.MANAGER, ProjectRole.ANNOTATOR);
        if (actor.isAdmin() || role.equals(Optional.of(ProjectRole.MANAGER)) || !tasks.hasTasks(project)) {
            return;
        }
        String who = actor.username() + " cannot edit the annotations of image " + image.id() + ": ";
        Task task = tasks.findOfImage(image.id()).orElseThrow(() -> new ForbiddenException(who + "project " + project
                + " uses the workflow and this image has no task; annotators edit only images of jobs assigned to them"));
        List<Job> mine = jobs.ofTask(task.id()).stream().filter(j -> j.isAssignedTo(actor.userId())).toList();
        Job job = mine.stream().filter(j -> j.state().isOpen()).findFirst().orElseThrow(() -> new ForbiddenException(who
                + (mine.isEmpty() ? "its job is not assigned to them (project " + project + " uses the workflow: annotators "
                + "edit only images of jobs assigned to them)" : "their " + mine.get(0).describe() + " is no longer in the "
                + "annotate stage")));
        if (job.overlap() > 1) {
            throw new ForbiddenException(who + "the image has " + job.overlap() + " independent annotators; save your work "
                    + "into your job with PUT /api/v1/jobs/" + job.id() + "/annotations");
        }
        if (job.state() == JobState.NEW) {
            jobs.claimJob(job.id(), actor.userId());
        }
    }
}
