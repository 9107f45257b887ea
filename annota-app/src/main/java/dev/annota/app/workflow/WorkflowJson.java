package dev.annota.app.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.annota.core.geometry.PixelBox;
import dev.annota.store.workflow.Comment;
import dev.annota.store.workflow.EnsureTasksResult;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobAssignment;
import dev.annota.store.workflow.JobPage;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.ProgressCounts;
import dev.annota.store.workflow.Stage;
import dev.annota.store.workflow.Task;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the API sends for workflow values (shapes documented in {@code package-info.java}); one place, so the
 * server's handlers only call these. Times are ISO-8601 UTC strings, absent values are JSON {@code null}.
 */
public final class WorkflowJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WorkflowJson() {
    }

    public static ObjectNode job(Job j) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", j.id()).put("task_id", j.taskId()).put("project_id", j.projectId()).put("image_id", j.imageId())
                .put("slot", j.slot()).put("overlap", j.overlap()).put("state", j.state().wireName())
                .put("stage", j.stage().wireName());
        o.put("assignee", j.assignee().orElse(null));
        o.put("reviewer", j.reviewer().orElse(null));
        o.put("created_at", j.createdAt().toString()).put("updated_at", j.updatedAt().toString());
        o.put("submitted_at", j.submittedAt().map(Instant::toString).orElse(null));
        return o;
    }

    /** A task; {@code withGold} only for managers and admins (annotators must not learn which images are gold). */
    public static ObjectNode task(Task t, boolean withGold) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", t.id()).put("project_id", t.projectId()).put("image_id", t.imageId())
                .put("stage", t.stage().wireName()).put("overlap", t.overlap());
        if (withGold) {
            o.put("gold", t.gold());
            o.put("gold_version", t.goldVersion().orElse(null));
        }
        o.put("created_at", t.createdAt().toString()).put("updated_at", t.updatedAt().toString());
        return o;
    }

    public static ObjectNode page(JobPage page) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode items = o.putArray("items");
        page.jobs().forEach(j -> items.add(job(j)));
        o.put("next", page.next().orElse(null));
        return o;
    }

    public static ObjectNode comment(Comment c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", c.id()).put("job_id", c.jobId()).put("kind", c.kind().wireName());
        o.put("author", c.author().orElse(null));
        o.put("at", c.at().toString()).put("text", c.body());
        o.put("annotation_index", c.annotationIndex().orElse(null));
        Optional<PixelBox> r = c.region();
        if (r.isPresent()) {
            o.putArray("region").add(r.get().x()).add(r.get().y()).add(r.get().width()).add(r.get().height());
        } else {
            o.putNull("region");
        }
        return o;
    }

    public static ObjectNode progress(ProgressCounts p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("project_id", p.projectId()).put("tasks", p.tasks());
        ObjectNode stages = o.putObject("tasks_by_stage");
        for (Map.Entry<Stage, Long> e : p.tasksByStage().entrySet()) {
            stages.put(e.getKey().wireName(), e.getValue());
        }
        states(o.putObject("jobs_by_state"), p.jobsByState());
        o.put("unassigned_jobs", p.unassignedJobs());
        ArrayNode users = o.putArray("users");
        for (ProgressCounts.UserCounts u : p.users()) {
            ObjectNode n = users.addObject();
            n.put("user_id", u.userId());
            states(n.putObject("jobs_by_state"), u.jobsByState());
            n.put("accepted", u.accepted()).put("rejected", u.rejected());
        }
        return o;
    }

    public static ObjectNode assignment(AssignmentReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode items = o.putArray("assigned");
        for (JobAssignment a : r.assigned()) {
            items.addObject().put("job_id", a.jobId()).put("user_id", a.userId());
        }
        o.put("skipped", r.skipped()).put("left_open", r.leftOpen());
        return o;
    }

    public static ObjectNode ensured(EnsureTasksResult r) {
        return MAPPER.createObjectNode().put("created", r.created()).put("already_present", r.alreadyPresent());
    }

    private static void states(ObjectNode into, Map<JobState, Long> counts) {
        for (Map.Entry<JobState, Long> e : counts.entrySet()) {
            into.put(e.getKey().wireName(), e.getValue());
        }
    }
}
