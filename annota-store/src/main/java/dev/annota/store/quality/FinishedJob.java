package dev.annota.store.quality;

import java.util.Objects;
import java.util.Optional;

/**
 * A submitted or accepted annotation job, with what the quality metrics need about its task and image.
 *
 * @param goldVersion the version of the image's annotation history that is the known answer, for gold images
 */
public record FinishedJob(String jobId, String imageId, String fileName, int width, int height, int overlap,
                          Optional<Long> goldVersion, String userId, String username) {
    public FinishedJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(goldVersion, "goldVersion");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
    }

    public boolean gold() {
        return goldVersion.isPresent();
    }
}
