package dev.annota.store.workflow;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The workflow task of one image: its stage, how many independent annotation jobs it has ({@code overlap}), and
 * whether it is a gold (honeypot) image whose known answer is version {@code goldVersion} of the image's
 * annotation history (kept for quality metrics; annotators must not be told which images are gold).
 */
public record Task(String id, String projectId, String imageId, Stage stage, int overlap, boolean gold,
                   Optional<Long> goldVersion, Instant createdAt, Instant updatedAt) {
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(goldVersion, "goldVersion");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (overlap < 1) {
            throw new IllegalArgumentException("overlap must be at least 1, got " + overlap);
        }
        if (gold != goldVersion.isPresent()) {
            throw new IllegalArgumentException("a gold task names its answer version, and only a gold task does");
        }
    }
}
