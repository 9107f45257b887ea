package dev.annota.store.workflow;

import dev.annota.core.error.ConflictException;
import dev.annota.core.error.NotFoundException;
import dev.annota.core.error.ValidationException;
import dev.annota.store.Database;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Workflow tasks: one per image, made when images join a project ({@link #ensureTasks}), each with
 * {@code overlap} annotation jobs. Also marks gold images and reopens done tasks.
 */
public final class WorkflowTasks {
    /** The most independent annotators one image can have. */
    public static final int MAX_OVERLAP = 20;
    private static final int CHUNK = 500;

    private final Jdbi jdbi;

    public WorkflowTasks(Database db) {
        this.jdbi = db.jdbi();
    }

    /**
     * Makes a task with {@code overlap} new, unassigned jobs for each image of {@code imageIds} that has none yet,
     * in the order given (the order in which the pool hands them out). Images that already have a task keep it
     * unchanged, whatever its overlap. All or nothing: an id that is not an image of the project fails the call
     * with {@link NotFoundException} and creates nothing.
     */
    public EnsureTasksResult ensureTasks(String projectId, List<String> imageIds, int overlap) {
        Objects.requireNonNull(projectId, "projectId");
        if (overlap < 1 || overlap > MAX_OVERLAP) {
            throw ValidationException.of("overlap", overlap, "expected a number of annotators per image from 1 to "
                    + MAX_OVERLAP);
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(imageIds));
        try {
            return jdbi.inTransaction(h -> insertTasks(h, projectId, ids, overlap));
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // another call made tasks for some of these images at the same moment: theirs stand, add the rest
                return jdbi.inTransaction(h -> insertTasks(h, projectId, ids, overlap));
            }
            throw e;
        }
    }

    private static EnsureTasksResult insertTasks(Handle h, String projectId, List<String> ids, int overlap) {
        Set<String> existing = new HashSet<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            Set<String> found = new HashSet<>(h.createQuery("SELECT id FROM images WHERE project_id = :p AND id IN (<ids>)")
                    .bind("p", projectId).bindList("ids", chunk).mapTo(String.class).list());
            for (String id : chunk) {
                if (!found.contains(id)) {
                    throw new NotFoundException("image " + id + " is not an image of project " + projectId
                            + "; no tasks were created");
                }
            }
            existing.addAll(h.createQuery("SELECT image_id FROM workflow_tasks WHERE image_id IN (<ids>)")
                    .bindList("ids", chunk).mapTo(String.class).list());
        }
        long position = h.createQuery("SELECT COALESCE(MAX(position), 0) FROM workflow_tasks WHERE project_id = :p")
                .bind("p", projectId).mapTo(Long.class).one();
        long now = System.currentTimeMillis();
        PreparedBatch tasks = h.prepareBatch("INSERT INTO workflow_tasks (id, project_id, image_id, stage, overlap, position, "
                + "gold, gold_version, created_at, updated_at) VALUES (:id, :p, :img, 'annotate', :k, :pos, 0, NULL, :now, :now)");
        PreparedBatch jobs = h.prepareBatch("INSERT INTO workflow_jobs (id, task_id, project_id, image_id, slot, state, "
                + "assignee, reviewer, created_at, updated_at, submitted_at) "
                + "VALUES (:id, :task, :p, :img, :slot, 'new', NULL, NULL, :now, :now, NULL)");
        int created = 0;
        for (String img : ids) {
            if (existing.contains(img)) {
                continue;
            }
            String taskId = Rows.newId();
            tasks.bind("id", taskId).bind("p", projectId).bind("img", img).bind("k", overlap)
                    .bind("pos", ++position).bind("now", now).add();
            for (int slot = 0; slot < overlap; slot++) {
                jobs.bind("id", Rows.newId()).bind("task", taskId).bind("p", projectId).bind("img", img)
                        .bind("slot", slot).bind("now", now).add();
            }
            created++;
        }
        if (created > 0) {
            tasks.execute();
            jobs.execute();
        }
        return new EnsureTasksResult(created, existing.size());
    }

    /** The ids of every image of a project, oldest first (to make tasks for all of them). */
    public List<String> imageIds(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM images WHERE project_id = :p ORDER BY created_at, id")
                .bind("p", projectId).mapTo(String.class).list());
    }

    /** Whether the project has at least one workflow task (then annotators work only on their jobs). */
    public boolean hasTasks(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM workflow_tasks WHERE project_id = :p LIMIT 1")
                .bind("p", projectId).mapTo(String.class).findOne().isPresent());
    }

    /** The task of an image, if it has one. */
    public Optional<Task> findOfImage(String imageId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.TASK_COLUMNS + " FROM workflow_tasks WHERE image_id = :id")
                .bind("id", imageId).map((rs, ctx) -> Rows.task(rs)).findOne());
    }

    /** The ids of the images of a project that have a task, in task order. */
    public List<String> taskImageIds(String projectId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT image_id FROM workflow_tasks WHERE project_id = :p "
                + "ORDER BY position, id").bind("p", projectId).mapTo(String.class).list());
    }

    public Optional<Task> get(String taskId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + Rows.TASK_COLUMNS + " FROM workflow_tasks WHERE id = :id")
                .bind("id", taskId).map((rs, ctx) -> Rows.task(rs)).findOne());
    }

    /** The task of an image, or {@link NotFoundException} when the image has none. */
    public Task ofImage(String imageId) {
        return findOfImage(imageId).orElseThrow(() -> new NotFoundException("image " + imageId + " has no workflow task"));
    }

    /** The task with id {@code taskId}, or {@link NotFoundException}. */
    public Task require(String taskId) {
        return get(taskId).orElseThrow(() -> new NotFoundException("task " + taskId + " does not exist"));
    }

    /**
     * Marks the image's task as gold: version {@code answerVersion} of the image's annotation history is the known
     * answer. The version must exist ({@link NotFoundException} otherwise).
     */
    public Task markGold(String imageId, long answerVersion) {
        jdbi.useTransaction(h -> {
            boolean exists = h.createQuery("SELECT COUNT(*) FROM annotation_history WHERE image_id = :img AND version = :v")
                    .bind("img", imageId).bind("v", answerVersion).mapTo(Long.class).one() > 0;
            if (!exists) {
                throw new NotFoundException("image " + imageId + " has no saved annotation version " + answerVersion
                        + " to use as the gold answer");
            }
            int rows = h.createUpdate("UPDATE workflow_tasks SET gold = 1, gold_version = :v, updated_at = :now WHERE image_id = :img")
                    .bind("v", answerVersion).bind("now", System.currentTimeMillis()).bind("img", imageId).execute();
            if (rows != 1) {
                throw new NotFoundException("image " + imageId + " has no workflow task");
            }
        });
        return ofImage(imageId);
    }

    /** Makes the image's task an ordinary one again. */
    public Task clearGold(String imageId) {
        int rows = jdbi.withHandle(h -> h.createUpdate("UPDATE workflow_tasks SET gold = 0, gold_version = NULL, updated_at = :now "
                + "WHERE image_id = :img").bind("now", System.currentTimeMillis()).bind("img", imageId).execute());
        if (rows != 1) {
            throw new NotFoundException("image " + imageId + " has no workflow task");
        }
        return ofImage(imageId);
    }

    /**
     * Reopens a done task: every job goes back to {@code in_progress} with its annotator (or to {@code new} in the
     * pool when it has none), its review cleared and annotations kept; {@code reason} is recorded as a
     * {@code reopen} comment on each job. Only a task in stage {@code done} can be reopened
     * ({@link ConflictException} otherwise).
     */
    public Task reopen(String taskId, String byUser, String reason) {
        NewComment comment = NewComment.of(CommentKind.REOPEN, byUser, reason);
        jdbi.useTransaction(h -> {
            long now = System.currentTimeMillis();
            int rows = h.createUpdate("UPDATE workflow_tasks SET stage = 'annotate', updated_at = :now WHERE id = :id AND stage = 'done'")
                    .bind("now", now).bind("id", taskId).execute();
            if (rows != 1) {
                Task t = require(h, taskId);
                throw new ConflictException("task " + taskId + " (image " + t.imageId() + ") is in stage "
                        + t.stage().wireName() + ": only a done task can be reopened; nothing was changed");
            }
            List<String> jobIds = h.createQuery("SELECT id FROM workflow_jobs WHERE task_id = :t ORDER BY slot")
                    .bind("t", taskId).mapTo(String.class).list();
            h.createUpdate("UPDATE workflow_jobs SET state = CASE WHEN assignee IS NULL THEN 'new' ELSE 'in_progress' END, "
                    + "reviewer = NULL, submitted_at = NULL, updated_at = :now WHERE task_id = :t")
                    .bind("now", now).bind("t", taskId).execute();
            for (String jobId : jobIds) {
                WorkflowComments.insert(h, jobId, comment, now);
            }
        });
        return require(taskId);
    }

    private static Task require(Handle h, String taskId) {
        return h.createQuery("SELECT " + Rows.TASK_COLUMNS + " FROM workflow_tasks WHERE id = :id").bind("id", taskId)
                .map((rs, ctx) -> Rows.task(rs)).findOne()
                .orElseThrow(() -> new NotFoundException("task " + taskId + " does not exist"));
    }

    /** Recomputes and stores the stage of a task from its jobs' states (inside the caller's transaction). */
    static Stage refreshStage(Handle h, String taskId, long now) {
        List<JobState> states = new ArrayList<>(h.createQuery("SELECT state FROM workflow_jobs WHERE task_id = :t")
                .bind("t", taskId).map((rs, ctx) -> JobState.fromDb(rs.getString(1))).list());
        Stage stage = Stage.of(states);
        h.createUpdate("UPDATE workflow_tasks SET stage = :s, updated_at = :now WHERE id = :t")
                .bind("s", stage.wireName()).bind("now", now).bind("t", taskId).execute();
        return stage;
    }
}
