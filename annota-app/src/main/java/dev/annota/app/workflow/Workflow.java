package dev.annota.app.workflow;

import dev.annota.core.error.ConflictException;
import dev.annota.core.error.ForbiddenException;
import dev.annota.core.error.ValidationException;
import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.store.Database;
import dev.annota.store.workflow.Comment;
import dev.annota.store.workflow.CommentKind;
import dev.annota.store.workflow.EnsureTasksResult;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobChange;
import dev.annota.store.workflow.JobFilter;
import dev.annota.store.workflow.JobPage;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.NewComment;
import dev.annota.store.workflow.ProgressCounts;
import dev.annota.store.workflow.Stage;
import dev.annota.store.workflow.Task;
import dev.annota.store.workflow.WorkflowComments;
import dev.annota.store.workflow.WorkflowCounts;
import dev.annota.store.workflow.WorkflowJobs;
import dev.annota.store.workflow.WorkflowTasks;
import java.util.List;
import java.util.Optional;

/**
 * The annotation workflow's use cases: claim work, submit it, review it (accept, or reject with a comment that
 * sends it back to its annotator), reassign, reopen, list and count.
 *
 * <p>Every action checks the caller's project role ({@link WorkflowAccess}) and the job's state. A caller who may
 * not act on that job gets {@link ForbiddenException} (submitting someone else's job, reviewing one's own); an
 * action the job's state does not allow gets {@link ConflictException}; both name the job, its state and the
 * action. The store applies each change only if the job is still as it was read, so concurrent callers never
 * overwrite each other. Assignment is in {@link AssignJobs}; a job's annotations in {@link JobAnnotationsService}.
 */
public final class Workflow {
    private final WorkflowTasks tasks;
    private final WorkflowJobs jobs;
    private final WorkflowComments comments;
    private final WorkflowCounts counts;
    private final WorkflowAccess access;

    public Workflow(Database db, Access access) {
        this.tasks = new WorkflowTasks(db);
        this.jobs = new WorkflowJobs(db);
        this.comments = new WorkflowComments(db);
        this.counts = new WorkflowCounts(db);
        this.access = new WorkflowAccess(access);
    }

    /** Makes tasks (with {@code overlap} jobs each) for images of a project that have none; managers only. */
    public EnsureTasksResult ensureTasks(Actor actor, String projectId, List<String> imageIds, int overlap) {
        access.manager(actor, projectId, "create workflow tasks");
        return tasks.ensureTasks(projectId, imageIds, overlap);
    }

    /** Makes tasks (with {@code overlap} jobs each) for every image of the project that has none; managers only. */
    public EnsureTasksResult ensureTasksForAll(Actor actor, String projectId, int overlap) {
        access.manager(actor, projectId, "create workflow tasks");
        return tasks.ensureTasks(projectId, tasks.imageIds(projectId), overlap);
    }

    /** Whether the caller sees which images are gold (managers and admins). */
    public boolean seesGold(Actor actor, String projectId) {
        return access.isManager(actor, projectId);
    }

    /** The caller's next annotation job (see {@link WorkflowJobs#claimNext}); empty when none is left for them. */
    public Optional<Job> claimNext(Actor actor, String projectId) {
        access.annotator(actor, projectId, "claim annotation work");
        return jobs.claimNext(projectId, actor.userId());
    }

    /** Claims one given job: one of the caller's, or an open one from the pool. */
    public Job start(Actor actor, String jobId) {
        Job job = jobs.require(jobId);
        access.annotator(actor, job.projectId(), "start " + job.describe());
        if (job.assignee().isPresent() && !job.isAssignedTo(actor.userId())) {
            throw new ForbiddenException("user " + actor.userId() + " cannot start " + job.describe()
                    + ": it is assigned to " + job.assignee().get());
        }
        if (!job.state().isOpen()) {
            throw illegal(job, "start", "only a new, in-progress or rejected job can be worked on");
        }
        if (job.isAssignedTo(actor.userId()) && job.state() == JobState.IN_PROGRESS) {
            return job;
        }
        return jobs.claimJob(jobId, actor.userId()).orElseThrow(() -> {
            Job now = jobs.require(jobId);
            if (now.assignee().isPresent() && !now.isAssignedTo(actor.userId())) {
                return new ConflictException("cannot start " + now.describe() + ": " + now.assignee().get()
                        + " claimed it first");
            }
            if (!now.state().isOpen()) {
                return illegal(now, "start", "only a new, in-progress or rejected job can be worked on");
            }
            return new ConflictException("cannot start " + now.describe() + ": user " + actor.userId()
                    + " already holds another job of image " + now.imageId()
                    + " (each annotator of an image works independently)");
        });
    }

    /** Hands the caller's job in for review. */
    public Job submit(Actor actor, String jobId) {
        Job job = jobs.require(jobId);
        access.annotator(actor, job.projectId(), "submit " + job.describe());
        if (!job.isAssignedTo(actor.userId())) {
            throw new ForbiddenException("user " + actor.userId() + " cannot submit " + job.describe() + ": it is "
                    + job.assignee().map(a -> "assigned to " + a).orElse("not assigned to anyone")
                    + "; only its annotator submits it");
        }
        if (job.state() != JobState.IN_PROGRESS && job.state() != JobState.REJECTED) {
            throw illegal(job, "submit", job.state() == JobState.NEW ? "start it first (a new job is claimed before it is submitted)"
                    : "only an in-progress or rejected job can be submitted");
        }
        return jobs.change(new JobChange(jobId, job.state(), job.assignee(), JobState.SUBMITTED, Optional.empty(),
                Optional.empty()));
    }

    /** The caller's next job to review (see {@link WorkflowJobs#claimReview}); empty when the queue is empty. */
    public Optional<Job> claimReview(Actor actor, String projectId) {
        access.reviewer(actor, projectId, "claim review work");
        return jobs.claimReview(projectId, actor.userId());
    }

    /** Accepts a submitted job, with an optional remark; the task is done when all its jobs are accepted. */
    public Job accept(Actor actor, String jobId, CommentInput remark) {
        return decide(actor, jobId, JobState.ACCEPTED, remark);
    }

    /** Rejects a submitted job with a comment saying why; the job goes back to its annotator. */
    public Job reject(Actor actor, String jobId, CommentInput reason) {
        return decide(actor, jobId, JobState.REJECTED, reason);
    }

    private Job decide(Actor actor, String jobId, JobState decision, CommentInput input) {
        String action = decision == JobState.ACCEPTED ? "accept" : "reject";
        Job job = jobs.require(jobId);
        access.reviewer(actor, job.projectId(), action + " " + job.describe());
        if (job.isAssignedTo(actor.userId())) {
            throw new ForbiddenException("user " + actor.userId() + " cannot " + action + " " + job.describe()
                    + ": they annotated it, and a job is reviewed by someone else");
        }
        if (job.state() != JobState.SUBMITTED) {
            throw illegal(job, action, "only a submitted job can be " + (decision == JobState.ACCEPTED ? "accepted" : "rejected"));
        }
        if (job.reviewer().isPresent() && !job.reviewer().get().equals(actor.userId())) {
            throw new ConflictException("cannot " + action + " " + job.describe() + ": " + job.reviewer().get()
                    + " is reviewing it");
        }
        CommentKind kind = decision == JobState.ACCEPTED ? CommentKind.ACCEPT : CommentKind.REJECT;
        NewComment comment = new NewComment(kind, Optional.of(actor.userId()), input.text(), input.annotationIndex(),
                input.region());
        return jobs.change(new JobChange(jobId, JobState.SUBMITTED, job.assignee(), decision,
                Optional.of(actor.userId()), Optional.of(comment)));
    }

    /**
     * Gives an unfinished job to another annotator, or back to the pool ({@code to} empty); managers only. The job
     * keeps its state and annotations.
     */
    public Job reassign(Actor actor, String jobId, Optional<String> to) {
        Job job = jobs.require(jobId);
        access.manager(actor, job.projectId(), "reassign " + job.describe());
        if (!job.state().isOpen()) {
            throw illegal(job, "reassign", "only a new, in-progress or rejected job can be reassigned (reopen the task first)");
        }
        if (to.isPresent() && !access.canAnnotate(job.projectId(), to.get())) {
            throw ValidationException.of("assignee", to.get(), "expected an annotator or manager of project " + job.projectId());
        }
        if (to.equals(job.assignee())) {
            return job;
        }
        if (to.isPresent() && jobs.ofTask(job.taskId()).stream().anyMatch(j -> j.isAssignedTo(to.get()))) {
            throw new ConflictException("cannot reassign " + job.describe() + " to " + to.get()
                    + ": they already hold another job of image " + job.imageId());
        }
        return jobs.reassign(jobId, job.state(), job.assignee(), to);
    }

    /** Reopens a done task: its jobs go back to their annotators with {@code reason} as a comment; managers only. */
    public Task reopen(Actor actor, String taskId, String reason) {
        Task task = tasks.require(taskId);
        access.manager(actor, task.projectId(), "reopen task " + taskId);
        if (task.stage() != Stage.DONE) {
            throw new ConflictException("cannot reopen task " + taskId + " (image " + task.imageId() + "): it is in stage "
                    + task.stage().wireName() + "; only a done task can be reopened");
        }
        return tasks.reopen(taskId, actor.userId(), reason);
    }

    /** A page of the project's jobs matching {@code filter}; any member. */
    public JobPage listJobs(Actor actor, JobFilter filter, Optional<String> after, int limit) {
        access.member(actor, filter.projectId(), "list jobs");
        return jobs.list(filter, after, limit);
    }

    public Job job(Actor actor, String jobId) {
        Job job = jobs.require(jobId);
        access.member(actor, job.projectId(), "see " + job.describe());
        return job;
    }

    /** The task of an image; any member (the server must not show {@code gold} to annotators). */
    public Task taskOfImage(Actor actor, String imageId) {
        Task task = tasks.ofImage(imageId);
        access.member(actor, task.projectId(), "see the task of image " + imageId);
        return task;
    }

    /** Tasks per stage, jobs per state and each user's share; any member. */
    public ProgressCounts progress(Actor actor, String projectId) {
        access.member(actor, projectId, "see the workflow progress");
        return counts.of(projectId);
    }

    /** The comments on a job, oldest first; any member. */
    public List<Comment> comments(Actor actor, String jobId) {
        job(actor, jobId);
        return comments.of(jobId);
    }

    /** Adds a remark to a job; any member. */
    public Comment comment(Actor actor, String jobId, CommentInput input) {
        job(actor, jobId);
        return comments.add(jobId, new NewComment(CommentKind.NOTE, Optional.of(actor.userId()), input.text(),
                input.annotationIndex(), input.region()));
    }

    /** Marks an image as gold: version {@code answerVersion} of its annotation history is the known answer. */
    public Task markGold(Actor actor, String imageId, long answerVersion) {
        Task task = tasks.ofImage(imageId);
        access.manager(actor, task.projectId(), "mark image " + imageId + " as gold");
        return tasks.markGold(imageId, answerVersion);
    }

    public Task clearGold(Actor actor, String imageId) {
        Task task = tasks.ofImage(imageId);
        access.manager(actor, task.projectId(), "unmark gold image " + imageId);
        return tasks.clearGold(imageId);
    }

    static ConflictException illegal(Job job, String action, String rule) {
        return new ConflictException("cannot " + action + " " + job.describe() + ": " + rule);
    }
}
