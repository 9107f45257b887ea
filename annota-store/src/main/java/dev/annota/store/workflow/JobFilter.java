package dev.annota.store.workflow;

import dev.annota.core.error.ValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * Which jobs of a project to list: by task stage, job state, assignee (a user id) or only the unassigned ones
 * (the open pool), and by image. Empty fields do not filter.
 */
public record JobFilter(String projectId, Optional<Stage> stage, Optional<JobState> state, Optional<String> assignee,
                        boolean unassignedOnly, Optional<String> imageId) {
    public JobFilter {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(imageId, "imageId");
        if (unassignedOnly && assignee.isPresent()) {
            throw ValidationException.of("assignee", assignee.get(),
                    "expected either an assignee or only unassigned jobs, not both");
        }
    }

    /** Every job of a project. */
    public static JobFilter all(String projectId) {
        return new JobFilter(projectId, Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty());
    }

    public JobFilter withStage(Stage s) {
        return new JobFilter(projectId, Optional.of(s), state, assignee, unassignedOnly, imageId);
    }

    public JobFilter withState(JobState s) {
        return new JobFilter(projectId, stage, Optional.of(s), assignee, unassignedOnly, imageId);
    }

    public JobFilter withAssignee(String userId) {
        return new JobFilter(projectId, stage, state, Optional.of(userId), false, imageId);
    }

    public JobFilter unassigned() {
        return new JobFilter(projectId, stage, state, Optional.empty(), true, imageId);
    }

    public JobFilter withImage(String id) {
        return new JobFilter(projectId, stage, state, assignee, unassignedOnly, Optional.of(id));
    }
}
