package dev.annota.store.workflow;

import dev.annota.core.error.ValidationException;
import dev.annota.core.geometry.PixelBox;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment to write: its kind, author, text (required except for an accept, at most 10,000 characters), and
 * optionally the index of the annotation or the image region it is about.
 */
public record NewComment(CommentKind kind, Optional<String> author, String body, Optional<Integer> annotationIndex,
                         Optional<PixelBox> region) {
    public static final int MAX_LENGTH = 10_000;

    public NewComment {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(annotationIndex, "annotationIndex");
        Objects.requireNonNull(region, "region");
        body = body.strip();
        if (body.isEmpty() && kind != CommentKind.ACCEPT) {
            throw ValidationException.of("comment", body, "expected some text: a " + kind.wireName()
                    + " needs a comment saying why");
        }
        if (body.length() > MAX_LENGTH) {
            throw ValidationException.of("comment", body.substring(0, 40) + "…",
                    "expected at most " + MAX_LENGTH + " characters, got " + body.length());
        }
        if (annotationIndex.isPresent() && annotationIndex.get() < 0) {
            throw ValidationException.of("annotation_index", annotationIndex.get(), "expected an index of 0 or more");
        }
    }

    /** A comment without an annotation index or region. */
    public static NewComment of(CommentKind kind, String author, String body) {
        return new NewComment(kind, Optional.of(author), body, Optional.empty(), Optional.empty());
    }
}
