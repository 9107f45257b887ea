package dev.annota.server.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.app.auth.Actor;
import dev.annota.app.workflow.AssignJobs;
import dev.annota.app.workflow.CommentInput;
import dev.annota.app.workflow.JobAnnotationsService;
import dev.annota.app.workflow.Workflow;
import dev.annota.app.workflow.WorkflowJson;
import dev.annota.server.Api;
import dev.annota.server.Call;
import dev.annota.server.Route;
import dev.annota.server.RouteGroup;
import dev.annota.server.ServerContext;
import dev.annota.server.routes.WorkflowRequests.AssignRequest;
import dev.annota.server.routes.WorkflowRequests.CommentRequest;
import dev.annota.server.routes.WorkflowRequests.GoldRequest;
import dev.annota.server.routes.WorkflowRequests.JobAnnotationsRequest;
import dev.annota.server.routes.WorkflowRequests.ReassignRequest;
import dev.annota.server.routes.WorkflowRequests.ReopenRequest;
import dev.annota.server.routes.WorkflowRequests.TasksRequest;
import dev.annota.store.AnnotationSets;
import dev.annota.store.json.AnnotationJson;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.Task;
import java.util.Optional;

/**
 * The review workflow over HTTP (see {@code dev.annota.app.workflow}): tasks and assignment for managers, work
 * queues for annotators and reviewers, accept / reject with comments, reopening, listing and progress, a job's
 * annotations, gold images. Each handler parses, calls one use case and renders with {@link WorkflowJson}; the use
 * cases check the caller's project role.
 */
public final class WorkflowRoutes implements RouteGroup {
    private static final String[] MEMBERS = {"admin", "manager", "annotator", "reviewer"};
    private static final ObjectMapper TREES = new ObjectMapper();
    private final Workflow workflow;
    private final AssignJobs assign;
    private final JobAnnotationsService annotations;

    public WorkflowRoutes(ServerContext ctx) {
        this.workflow = new Workflow(ctx.db(), ctx.access());
        this.assign = new AssignJobs(ctx.db(), ctx.access());
        this.annotations = new JobAnnotationsService(ctx.db(), ctx.access());
    }

    @Override
    public void register(Api api) {
        projectRoutes(api);
        jobRoutes(api);
        taskRoutes(api);
    }

    private void projectRoutes(Api api) {
        String p = "/projects/{projectId}";
        api.add(route(Route.post(p + "/workflow/tasks", "Make a task with 'overlap' jobs for the listed images (all "
                + "images when image_ids is absent) that have none"), "admin", "manager").accepts(TasksRequest.class), call -> {
            TasksRequest r = call.body(TasksRequest.class);
            String project = call.path("projectId");
            call.respond(WorkflowJson.ensured(r.images()
                    .map(ids -> workflow.ensureTasks(call.actor(), project, ids, r.overlap()))
                    .orElseGet(() -> workflow.ensureTasksForAll(call.actor(), project, r.overlap()))));
        });
        api.add(route(Route.post(p + "/workflow/assign", "Give open jobs to annotators: round-robin ('users') or "
                + "'explicit'"), "admin", "manager").accepts(AssignRequest.class), call -> {
            AssignRequest r = call.body(AssignRequest.class);
            String project = call.path("projectId");
            call.respond(WorkflowJson.assignment(r.images()
                    .map(ids -> assign.assign(call.actor(), project, ids, r.assignment()))
                    .orElseGet(() -> assign.assignAll(call.actor(), project, r.assignment()))));
        });
        api.add(route(Route.post(p + "/workflow/next", "Claim the caller's next annotation job (204 when none is left)"),
                "admin", "manager", "annotator"),
                call -> respondJob(call, workflow.claimNext(call.actor(), call.path("projectId"))));
        api.add(route(Route.post(p + "/workflow/next-review", "Claim the caller's next job to review (204 when none)"),
                "admin", "manager", "reviewer"),
                call -> respondJob(call, workflow.claimReview(call.actor(), call.path("projectId"))));
        api.add(route(Route.get(p + "/jobs", "A page of the project's jobs: ?stage=, state=, assignee=USER|me|none, "
                + "image=, after= (the 'next' cursor), limit= (1-1000)"), MEMBERS), call -> {
            var filter = JobQuery.filter(call, call.path("projectId"));
            call.respond(WorkflowJson.page(workflow.listJobs(call.actor(), filter, call.query("after"),
                    call.queryInt("limit", 100, 1, 1000))));
        });
        api.add(route(Route.get(p + "/workflow/progress", "Tasks per stage, jobs per state and each user's share"), MEMBERS),
                call -> call.respond(WorkflowJson.progress(workflow.progress(call.actor(), call.path("projectId")))));
    }

    private void jobRoutes(Api api) {
        String j = "/jobs/{jobId}";
        api.add(route(Route.get(j, "One job"), MEMBERS),
                call -> call.respond(WorkflowJson.job(workflow.job(call.actor(), call.path("jobId")))));
        api.add(route(Route.post(j + "/start", "Claim this job (one of the caller's, or an open one)"),
                "admin", "manager", "annotator"),
                call -> call.respond(WorkflowJson.job(workflow.start(call.actor(), call.path("jobId")))));
        api.add(route(Route.post(j + "/submit", "Hand the caller's job in for review"), "admin", "manager", "annotator"),
                call -> call.respond(WorkflowJson.job(workflow.submit(call.actor(), call.path("jobId")))));
        api.add(route(Route.post(j + "/accept", "Accept a submitted job, with an optional remark (body optional)"),
                "admin", "manager", "reviewer").accepts(CommentRequest.class), call -> {
            CommentInput remark = hasBody(call) ? call.body(CommentRequest.class).input() : CommentInput.none();
            call.respond(WorkflowJson.job(workflow.accept(call.actor(), call.path("jobId"), remark)));
        });
        api.add(route(Route.post(j + "/reject", "Reject a submitted job with a comment; it returns to its annotator"),
                "admin", "manager", "reviewer").accepts(CommentRequest.class), call -> {
            CommentInput reason = call.body(CommentRequest.class).input();
            call.respond(WorkflowJson.job(workflow.reject(call.actor(), call.path("jobId"), reason)));
        });
        api.add(route(Route.post(j + "/reassign", "Give an unfinished job to another annotator, or to the pool (null)"),
                "admin", "manager").accepts(ReassignRequest.class), call -> {
            Optional<String> to = call.body(ReassignRequest.class).to();
            call.respond(WorkflowJson.job(workflow.reassign(call.actor(), call.path("jobId"), to)));
        });
        api.add(route(Route.get(j + "/comments", "The comments on a job, oldest first"), MEMBERS),
                call -> call.respond(workflow.comments(call.actor(), call.path("jobId")).stream().map(WorkflowJson::comment).toList()));
        api.add(route(Route.post(j + "/comments", "Comment on a job"), MEMBERS).accepts(CommentRequest.class).status(201),
                call -> {
                    CommentInput input = call.body(CommentRequest.class).input();
                    call.respond(WorkflowJson.comment(workflow.comment(call.actor(), call.path("jobId"), input)));
                });
        api.add(route(Route.get(j + "/annotations", "The job's annotation set (overlap 1: the image's own set)"), MEMBERS),
                call -> call.respond(set(annotations.get(call.actor(), call.path("jobId")))));
        api.add(route(Route.put(j + "/annotations", "Save the job's annotations after 'version' (409 with the current "
                + "set when stale)"), "admin", "manager", "annotator", "reviewer").accepts(JobAnnotationsRequest.class), call -> {
            JobAnnotationsRequest r = call.body(JobAnnotationsRequest.class);
            long version = annotations.save(call.actor(), call.path("jobId"), r.version(), r.parsed());
            call.respond(TREES.createObjectNode().put("version", version));
        });
    }

    private void taskRoutes(Api api) {
        api.add(route(Route.post("/tasks/{taskId}/reopen", "Reopen a done task; its jobs return to their annotators"),
                "admin", "manager").accepts(ReopenRequest.class), call -> {
            Actor actor = call.actor();
            Task task = workflow.reopen(actor, call.path("taskId"), call.body(ReopenRequest.class).reason());
            call.respond(task(actor, task));
        });
        api.add(route(Route.get("/images/{imageId}/task", "The workflow task of an image (gold only for managers)"),
                MEMBERS), call -> {
            Actor actor = call.actor();
            call.respond(task(actor, workflow.taskOfImage(actor, call.path("imageId"))));
        });
        api.add(route(Route.put("/images/{imageId}/gold", "Mark an image as gold: 'version' of its annotation history "
                + "is the known answer"), "admin", "manager").accepts(GoldRequest.class), call -> {
            long version = call.body(GoldRequest.class).version();
            call.respond(WorkflowJson.task(workflow.markGold(call.actor(), call.path("imageId"), version), true));
        });
        api.add(route(Route.delete("/images/{imageId}/gold", "Unmark a gold image"), "admin", "manager").status(200),
                call -> call.respond(WorkflowJson.task(workflow.clearGold(call.actor(), call.path("imageId")), true)));
    }

    private static Route route(Route r, String... roles) {
        return r.tag("workflow").roles(roles);
    }

    private ObjectNode task(Actor actor, Task t) {
        return WorkflowJson.task(t, workflow.seesGold(actor, t.projectId()));
    }

    private static void respondJob(Call call, Optional<Job> job) {
        if (job.isPresent()) {
            call.respond(WorkflowJson.job(job.get()));
        } else {
            call.noContent();
        }
    }

    /** Whether the request has a body at all (accept takes an optional remark). */
    private static boolean hasBody(Call call) {
        long length = call.ctx().req().getContentLengthLong();
        return length > 0 || length < 0 && call.ctx().header("Transfer-Encoding") != null;
    }

    /** The annotations API's set shape: version, annotations, updated_at, updated_by, source. */
    private static ObjectNode set(AnnotationSets.Current c) {
        ObjectNode o = TREES.createObjectNode().put("version", c.version());
        try {
            o.set("annotations", TREES.readTree(AnnotationJson.write(c.annotations())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("annotation JSON did not parse", e);
        }
        return o.put("updated_at", c.updatedAt().toString()).put("updated_by", c.updatedBy().orElse(null))
                .put("source", c.source());
    }
}
