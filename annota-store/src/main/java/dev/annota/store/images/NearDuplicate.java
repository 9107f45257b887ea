package dev.annota.store.images;

import dev.annota.core.error.ValidationException;
import java.util.Objects;

/** A flagged image and the nearest earlier image of its project, with the Hamming distance of their hashes. */
public record NearDuplicate(String imageId, String nearestId, int distance) {
    public NearDuplicate {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(nearestId, "nearestId");
        if (distance < 0 || distance > 64) {
            throw ValidationException.of("distance", distance, "expected a Hamming distance from 0 to 64");
        }
    }
}
