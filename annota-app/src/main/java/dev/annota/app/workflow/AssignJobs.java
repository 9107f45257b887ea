package dev.annota.app.workflow;

import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.store.Database;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobAssignment;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.WorkflowJobs;
import dev.annota.store.workflow.WorkflowTasks;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns the open jobs of some images (an id list, or the ids of a filter the caller resolved) to annotators,
 * round-robin or explicitly; managers only. Jobs already held by someone stay as they are (use
 * {@link Workflow#reassign} to move them); a user never gets two jobs of one image.
 */
public final class AssignJobs {
    private final WorkflowJobs jobs;
    private final WorkflowTasks tasks;
    private final WorkflowAccess access;

    public AssignJobs(Database db, Access access) {
        this.jobs = new WorkflowJobs(db);
        this.tasks = new WorkflowTasks(db);
        this.access = new WorkflowAccess(access);
    }

    /** Assigns the open jobs of every image of the project that has a task (see {@link #assign}). */
    public AssignmentReport assignAll(Actor actor, String projectId, Assignment assignment) {
        access.manager(actor, projectId, "assign jobs");
        return assign(actor, projectId, tasks.taskImageIds(projectId), assignment);
    }

    /**
     * Assigns the open jobs of {@code imageIds} (ignored by an explicit assignment, which lists its images) and
     * reports what was done. Every named user must be an annotator or manager of the project.
     */
    public AssignmentReport assign(Actor actor, String projectId, List<String> imageIds, Assignment assignment) {
        access.manager(actor, projectId, "assign jobs");
        List<String> images = assignment.images(imageIds);
        for (String user : assignment.namedUsers()) {
            if (!access.canAnnotate(projectId, user)) {
                throw ValidationException.of("users", user, "expected an annotator or manager of project " + projectId);
            }
        }
        List<Job> current = jobs.ofImages(projectId, images);
        Set<String> withTasks = new HashSet<>();
        current.forEach(j -> withTasks.add(j.imageId()));
        for (String image : images) {
            if (!withTasks.contains(image)) {
                throw new NotFoundException("image " + image + " of project " + projectId
                        + " has no workflow task; nothing was assigned");
            }
        }
        List<JobAssignment> plan = AssignmentPlanner.plan(current, assignment);
        Set<String> applied = new HashSet<>(jobs.assignOpen(plan));
        List<JobAssignment> assigned = plan.stream().filter(a -> applied.contains(a.jobId())).toList();
        long open = current.stream().filter(j -> j.state() == JobState.NEW && j.assignee().isEmpty()).count();
        return new AssignmentReport(assigned, plan.size() - assigned.size(), (int) (open - assigned.size()));
    }
}
