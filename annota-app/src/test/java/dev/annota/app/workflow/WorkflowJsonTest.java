package dev.annota.app.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.annota.core.geometry.PixelBox;
import dev.annota.store.workflow.Comment;
import dev.annota.store.workflow.CommentKind;
import dev.annota.store.workflow.Job;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.ProgressCounts;
import dev.annota.store.workflow.Stage;
import dev.annota.store.workflow.Task;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowJsonTest {
    static final Instant T = Instant.parse("2025-01-02T03:04:05Z");

    @Test
    void a_job_renders_with_wire_names_iso_times_and_nulls_for_absent_values() {
        Job j = new Job("j1", "t1", "p", "img", 1, JobState.IN_PROGRESS, Optional.of("ana"), Optional.empty(),
                Stage.ANNOTATE, 2, T, T, Optional.empty());
        assertEquals("{\"id\":\"j1\",\"task_id\":\"t1\",\"project_id\":\"p\",\"image_id\":\"img\",\"slot\":1,\"overlap\":2,"
                + "\"state\":\"in_progress\",\"stage\":\"annotate\",\"assignee\":\"ana\",\"reviewer\":null,"
                + "\"created_at\":\"2025-01-02T03:04:05Z\",\"updated_at\":\"2025-01-02T03:04:05Z\",\"submitted_at\":null}",
                WorkflowJson.job(j).toString());
    }

    @Test
    void the_gold_flag_is_only_rendered_when_asked() {
        Task t = new Task("t1", "p", "img", Stage.DONE, 1, true, Optional.of(3L), T, T);
        assertFalse(WorkflowJson.task(t, false).has("gold"));
        assertEquals(3, WorkflowJson.task(t, true).get("gold_version").asLong());
    }

    @Test
    void a_comment_and_progress_render_their_documented_shapes() {
        Comment c = new Comment("c1", "j1", CommentKind.REJECT, Optional.of("rev"), T, "too loose", Optional.of(2),
                Optional.of(new PixelBox(1, 2, 3, 4)));
        assertEquals("{\"id\":\"c1\",\"job_id\":\"j1\",\"kind\":\"reject\",\"author\":\"rev\",\"at\":\"2025-01-02T03:04:05Z\","
                + "\"text\":\"too loose\",\"annotation_index\":2,\"region\":[1.0,2.0,3.0,4.0]}", WorkflowJson.comment(c).toString());
        ProgressCounts p = new ProgressCounts("p", Map.of(Stage.DONE, 1L), Map.of(JobState.ACCEPTED, 1L), 0,
                List.of(new ProgressCounts.UserCounts("ana", Map.of(JobState.ACCEPTED, 1L), 0, 0)));
        assertEquals("{\"project_id\":\"p\",\"tasks\":1,\"tasks_by_stage\":{\"annotate\":0,\"review\":0,\"done\":1},"
                + "\"jobs_by_state\":{\"new\":0,\"in_progress\":0,\"submitted\":0,\"accepted\":1,\"rejected\":0},"
                + "\"unassigned_jobs\":0,\"users\":[{\"user_id\":\"ana\",\"jobs_by_state\":{\"new\":0,\"in_progress\":0,"
                + "\"submitted\":0,\"accepted\":1,\"rejected\":0},\"accepted\":0,\"rejected\":0}]}",
                WorkflowJson.progress(p).toString());
    }
}
