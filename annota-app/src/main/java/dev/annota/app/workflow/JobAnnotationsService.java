package dev.annota.app.workflow;

import dev.annota.app.annotations.AnnotationValidator;
import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.geometry.ImageSize;
import dev.annota.store.images.ImageRecord;
import dev.annota.store.images.Images;
import dev.annota.store.projects.Projects;
import dev.annota.core.error.ForbiddenException;
import dev.annota.store.AnnotationSets;
import dev.annota.app.auth.Access;
import dev.annota.app.auth.Actor;
import dev.annota.store.Database;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobAnnotations;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.WorkflowJobs;
import java.util.List;
import java.util.Optional;

/**
 * The annotations of a job. <b>The rule:</b> a task with overlap 1 has one job, and that job's annotations ARE
 * the image's annotation set ({@link AnnotationSets}: the same versions, history and conflicts as the annotations
 * API); a task with overlap &gt; 1 keeps a separate versioned set per job ({@link JobAnnotations}), so k
 * annotators work independently and the image's own set is untouched (merging them is a later step).
 *
 * <p>Any member may read. Writing is for the job's annotator while the job is unfinished (a new job of theirs is
 * started by the first save), for its reviewer while it is submitted (fixing during review), and for managers.
 * Every save is checked against the project's label schema and the image's bounds first ({@link AnnotationValidator},
 * the same check as the image's own set: a 400 locating each problem at {@code /annotations/<index>/<field>}).
 * Stale saves fail with {@link dev.annota.store.VersionConflict} (overlap 1) or
 * {@link dev.annota.store.workflow.JobVersionConflict} (overlap &gt; 1), both carrying the current set.
 */
public final class JobAnnotationsService {
    private final WorkflowJobs jobs;
    private final AnnotationSets imageSets;
    private final JobAnnotations jobSets;
    private final WorkflowAccess access;
    private final Images images;
    private final Projects projects;

    public JobAnnotationsService(Database db, Access access) {
        this.images = new Images(db);
        this.projects = new Projects(db);
        this.jobs = new WorkflowJobs(db);
        this.imageSets = new AnnotationSets(db);
        this.jobSets = new JobAnnotations(db);
        this.access = new WorkflowAccess(access);
    }

    public AnnotationSets.Current get(Actor actor, String jobId) {
        Job job = jobs.require(jobId);
        access.member(actor, job.projectId(), "see the annotations of " + job.describe());
        return job.overlap() == 1 ? imageSets.get(job.imageId()) : jobSets.get(jobId);
    }

    /** Saves the job's annotations after version {@code expectedVersion}; returns the new version. */
    public long save(Actor actor, String jobId, long expectedVersion, List<? extends Annotation> annotations) {
        Job job = jobs.require(jobId);
        access.member(actor, job.projectId(), "annotate " + job.describe());
        boolean manager = access.isManager(actor, job.projectId());
        if (job.isAssignedTo(actor.userId()) && job.state().isOpen()) {
            if (job.state() == JobState.NEW) {
                jobs.claimJob(jobId, actor.userId());
            }
        } else if (job.reviewer().map(actor.userId()::equals).orElse(false) && job.state() == JobState.SUBMITTED) {
            access.reviewer(actor, job.projectId(), "fix the annotations of " + job.describe());
        } else if (!manager) {
            if (job.isAssignedTo(actor.userId()) || job.reviewer().map(actor.userId()::equals).orElse(false)) {
                throw Workflow.illegal(job, "edit the annotations of", "they can be edited while the job is being "
                        + "annotated, or by its reviewer while it is submitted");
            }
            throw new ForbiddenException("user " + actor.userId() + " cannot edit the annotations of " + job.describe()
                    + ": it is " + job.assignee().map(a -> "assigned to " + a).orElse("not assigned to them"));
        }
        ImageRecord image = images.get(job.imageId()).orElseThrow(() -> new NotFoundException("image " + job.imageId()
                + " of " + job.describe() + ": no such image"));
        AnnotationValidator.check(projects.get(job.projectId()).schema(), new ImageSize(image.width(), image.height()), annotations);
        Optional<String> author = Optional.of(actor.userId());
        if (job.overlap() == 1) {
            return imageSets.save(job.imageId(), expectedVersion, annotations, author, "human");
        }
        return jobSets.save(jobId, expectedVersion, annotations, author, "human");
    }

    /** Versions of the job's set, newest first. */
    public List<AnnotationSets.Version> history(Actor actor, String jobId) {
        Job job = jobs.require(jobId);
        access.member(actor, job.projectId(), "see the history of " + job.describe());
        return job.overlap() == 1 ? imageSets.history(job.imageId()) : jobSets.history(jobId);
    }
}
