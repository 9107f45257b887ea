package dev.annota.store.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One annotation job: annotator slot {@code slot} (0..overlap-1) of the task of image {@code imageId}. An empty
 * {@code assignee} means the job is in the open pool; {@code reviewer} is whoever claimed or decided its review.
 * {@code stage} and {@code overlap} are those of its task.
 */
public record Job(String id, String taskId, String projectId, String imageId, int slot, JobState state,
                  Optional<String> assignee, Optional<String> reviewer, Stage stage, int overlap,
                  Instant createdAt, Instant updatedAt, Optional<Instant> submittedAt) {
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(reviewer, "reviewer");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(submittedAt, "submittedAt");
        if (slot < 0 || slot >= overlap) {
            throw new IllegalArgumentException("slot " + slot + " outside 0.." + (overlap - 1));
        }
    }

    /** Whether {@code userId} is this job's annotator. */
    public boolean isAssignedTo(String userId) {
        return assignee.map(userId::equals).orElse(false);
    }

    /** How the job is named in messages: {@code job 1f2e… (image 9a8b…, slot 1 of 2, state in_progress)}. */
    public String describe() {
        return "job " + id + " (image " + imageId + ", slot " + (slot + 1) + " of " + overlap + ", state "
                + state.wireName() + ")";
    }
}
