package dev.annota.store.quality;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The last consensus of one image: which version of its annotation set it wrote, how many annotators it merged,
 * its agreement, its disagreements and whether they wait for review.
 *
 * @param detailsJson settings, merged jobs and disputed items, as the use case wrote them
 */
public record ConsensusRecord(String imageId, String projectId, String fileName, long annotationVersion, int annotators,
                              double agreement, int disagreements, boolean needsReview, String detailsJson,
                              Instant computedAt, Optional<String> computedBy) {
    public ConsensusRecord {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(detailsJson, "detailsJson");
        Objects.requireNonNull(computedAt, "computedAt");
        Objects.requireNonNull(computedBy, "computedBy");
        if (!(agreement >= 0 && agreement <= 1)) {
            throw new IllegalArgumentException("agreement must be in [0, 1], got " + agreement);
        }
    }
}
