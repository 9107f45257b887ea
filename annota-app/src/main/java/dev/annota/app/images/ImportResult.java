package dev.annota.app.images;

import dev.annota.core.error.FieldError;
import java.util.List;
import java.util.Objects;

/**
 * What an import did, file by file: images added, exact duplicates merged into images the project already
 * had (nothing inserted for them), near-duplicates flagged (added, with the nearest earlier image), and every
 * file that was refused with why. The import goes on past bad files.
 */
public record ImportResult(String importId, List<Added> added, List<Duplicate> duplicates, List<Flagged> nearDuplicates,
                           List<FieldError> problems) {
    public ImportResult {
        Objects.requireNonNull(importId, "importId");
        added = List.copyOf(added);
        duplicates = List.copyOf(duplicates);
        nearDuplicates = List.copyOf(nearDuplicates);
        problems = List.copyOf(problems);
    }

    /** An image added to the project. */
    public record Added(String imageId, String name, int annotations) {
    }

    /** A file with the same bytes (sha256) as an image of the project: merged into {@code imageId}. */
    public record Duplicate(String name, String imageId) {
    }

    /** An added image whose perceptual hash is within the near-duplicate distance of {@code nearestId}. */
    public record Flagged(String imageId, String name, String nearestId, int distance) {
    }
}
