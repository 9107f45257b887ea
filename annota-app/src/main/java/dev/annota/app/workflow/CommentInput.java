package dev.annota.app.workflow;

import dev.annota.core.geometry.PixelBox;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user writes on a job: text, and optionally the index of the annotation (in the job's set) or the image
 * region it is about. Length and emptiness rules are checked when it becomes a comment.
 */
public record CommentInput(String text, Optional<Integer> annotationIndex, Optional<PixelBox> region) {
    public CommentInput {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(annotationIndex, "annotationIndex");
        Objects.requireNonNull(region, "region");
    }

    public static CommentInput of(String text) {
        return new CommentInput(text, Optional.empty(), Optional.empty());
    }

    /** No text: an accept without a remark. */
    public static CommentInput none() {
        return of("");
    }
}
