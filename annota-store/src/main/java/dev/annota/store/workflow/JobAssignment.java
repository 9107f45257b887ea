package dev.annota.store.workflow;

import java.util.Objects;

/** Give job {@code jobId} to user {@code userId}. */
public record JobAssignment(String jobId, String userId) {
    public JobAssignment {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(userId, "userId");
    }
}
