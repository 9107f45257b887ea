package dev.annota.store.suggestions;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.Source;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything one model predicts for one image: what {@link Suggestions#put} stores in place of that model's
 * earlier suggestions for the image. Every annotation needs a confidence in [0, 1]; its source becomes the model.
 *
 * @param imageId     the image
 * @param model       the model's name and version
 * @param annotations the predictions (may be empty: the model found nothing, which clears its suggestions)
 */
public record ModelPredictions(String imageId, Source.Model model, List<Annotation> annotations) {
    public ModelPredictions {
        Objects.requireNonNull(imageId, "imageId");
        Objects.requireNonNull(model, "model");
        List<FieldError> errors = new ArrayList<>();
        List<Annotation> sourced = new ArrayList<>();
        for (int i = 0; i < annotations.size(); i++) {
            Annotation a = annotations.get(i);
            if (a.info().confidence().isEmpty()) {
                errors.add(new FieldError("/annotations/" + i + "/confidence", "confidence", null,
                        "required: a suggestion needs the model's confidence in [0, 1]"));
            } else {
                sourced.add(a.withInfo(a.info().withSource(model)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        annotations = List.copyOf(sourced);
    }

    /** The predictions of {@code modelName} {@code modelVersion} for {@code imageId}. */
    public static ModelPredictions of(String imageId, String modelName, String modelVersion, List<? extends Annotation> annotations) {
        return new ModelPredictions(imageId, new Source.Model(modelName, modelVersion), List.copyOf(annotations));
    }
}
