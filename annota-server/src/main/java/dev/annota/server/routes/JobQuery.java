package dev.annota.server.routes;

import dev.annota.server.Call;
import dev.annota.store.workflow.JobFilter;
import dev.annota.store.workflow.JobState;
import dev.annota.store.workflow.Stage;

/** Reads the job-list filters from the query string: {@code stage}, {@code state}, {@code assignee}, {@code image}. */
final class JobQuery {
    private JobQuery() {
    }

    /** {@code assignee=me} is the caller, {@code assignee=none} the open pool; bad values are 400s naming the field. */
    static JobFilter filter(Call call, String projectId) {
        JobFilter f = JobFilter.all(projectId);
        if (call.query("stage").isPresent()) {
            f = f.withStage(Stage.parse("stage", call.query("stage").get()));
        }
        if (call.query("state").isPresent()) {
            f = f.withState(JobState.parse("state", call.query("state").get()));
        }
        if (call.query("assignee").isPresent()) {
            String a = call.query("assignee").get();
            f = switch (a) {
                case "none" -> f.unassigned();
                case "me" -> f.withAssignee(call.actor().userId());
                default -> f.withAssignee(a);
            };
        }
        if (call.query("image").isPresent()) {
            f = f.withImage(call.query("image").get());
        }
        return f;
    }
}
