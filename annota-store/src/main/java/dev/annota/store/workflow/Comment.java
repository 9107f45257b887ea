package dev.annota.store.workflow;

import dev.annota.core.geometry.PixelBox;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment on a job: a review decision ({@code accept}/{@code reject}), a reopening, or a remark. It may point at
 * one annotation of the job's set (its index in the list) or at a region of the image. An accept may have an
 * empty body; every other kind has text.
 */
public record Comment(String id, String jobId, CommentKind kind, Optional<String> author, Instant at, String body,
                      Optional<Integer> annotationIndex, Optional<PixelBox> region) {
    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(annotationIndex, "annotationIndex");
        Objects.requireNonNull(region, "region");
    }
}
