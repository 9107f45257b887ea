package dev.annota.app.models;

import dev.annota.app.auth.Actor;
import dev.annota.app.images.ImageCatalog;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.Prediction;
import dev.annota.infer.Predictor;
import dev.annota.infer.descriptor.Task;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.store.models.ModelRecord;
import java.io.IOException;

/**
 * Runs a registered model on one image: uploaded bytes (any signed-in user) or an image of a project the caller
 * is a member of. Answers in the shape of {@code annota predict --json} ({@link dev.annota.infer.PredictionJson}).
 */
public final class PredictImage {
    private final ModelRegistry registry;
    private final LoadedModels loaded;
    private final ModelImages images;

    public PredictImage(ModelRegistry registry, LoadedModels loaded, ImageCatalog catalog) {
        this.registry = registry;
        this.loaded = loaded;
        this.images = new ModelImages(catalog);
    }

    /** What the model said, and about what. */
    public record Result(ModelRecord model, Task task, String image, Prediction prediction) {
    }

    /** Predicts on encoded image bytes; {@code name} names the image in the answer and in errors. */
    public Result bytes(Actor actor, String modelId, byte[] bytes, String name) throws IOException {
        if (bytes.length == 0) {
            throw ValidationException.of("image", "0 bytes", "an image file (JPEG, PNG, ...) as the request body");
        }
        ModelRecord model = registry.get(modelId);
        Predictor p = loaded.get(model);
        return new Result(model, p.model().descriptor().task(), name, p.predict(ImageDecoder.decode(bytes, name)));
    }

    /** Predicts on a stored image of a project the caller is a member of. */
    public Result image(Actor actor, String modelId, String imageId) throws IOException {
        ModelRecord model = registry.get(modelId);
        ModelImages.Loaded image = images.load(actor, imageId);
        Predictor p = loaded.get(model);
        return new Result(model, p.model().descriptor().task(), imageId, p.predict(image.pixels()));
    }
}
