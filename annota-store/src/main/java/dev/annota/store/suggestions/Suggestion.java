package dev.annota.store.suggestions;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import java.time.Instant;
import java.util.Objects;

/**
 * One annotation a model suggested for an image, not yet accepted or rejected.
 *
 * @param id         stable id, to accept or reject this one suggestion
 * @param imageId    the image
 * @param model      the model that made it (also the annotation's source)
 * @param position   its place among that model's suggestions for the image, as uploaded
 * @param annotation the suggested annotation, with the model as source and a confidence
 * @param createdAt  when the model's suggestions for the image were uploaded
 */
public record Suggestion(String id, String imageId, Source.Model model, int position, Annotation annotation, Instant createdAt) {
    public Suggestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(annotation, "annotation");
        Objects.requireNonNull(createdAt, "createdAt");
        if (annotation.info().confidence().isEmpty()) {
            throw new IllegalArgumentException("suggestion " + id + " has no confidence");
        }
    }

    /** The model's confidence in [0, 1]. */
    public double confidence() {
        return annotation.info().confidence().getAsDouble();
    }
}
