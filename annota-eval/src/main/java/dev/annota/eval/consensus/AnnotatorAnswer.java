package dev.annota.eval.consensus;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * What one annotator answered for one image.
 *
 * @param annotator   who (a user id or name), unique among the answers for an image
 * @param weight      their vote's weight (1 for a plain majority; e.g. their accuracy on gold images)
 * @param annotations their annotations of the image
 */
public record AnnotatorAnswer(String annotator, double weight, List<Annotation> annotations) {
    public AnnotatorAnswer {
        Objects.requireNonNull(annotator, "annotator");
        annotations = List.copyOf(annotations);
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw ValidationException.of("weights." + annotator, weight, "expected a finite weight > 0");
        }
    }

    /** An answer with weight 1. */
    public static AnnotatorAnswer of(String annotator, List<? extends Annotation> annotations) {
        return new AnnotatorAnswer(annotator, 1, List.copyOf(annotations));
    }
}
