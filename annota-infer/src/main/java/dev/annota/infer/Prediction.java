package dev.annota.infer;

import dev.annota.core.geometry.ImageSize;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a model said about one image. Only the lists of the model's task are filled: classes (best first)
 * for classifiers, detections (best first) for detectors, masks for segmenters, the embedding for
 * embedding models.
 *
 * @param imageSize the upright original size all coordinates refer to
 */
public record Prediction(ImageSize imageSize, List<ClassScore> classes, List<Detection> detections,
        List<SegmentMask> masks, Optional<Embedding> embedding) {
    public Prediction {
        Objects.requireNonNull(imageSize, "imageSize");
        classes = List.copyOf(classes);
        detections = List.copyOf(detections);
        masks = List.copyOf(masks);
        Objects.requireNonNull(embedding, "embedding");
    }

    public static Prediction ofClasses(ImageSize size, List<ClassScore> classes) {
        return new Prediction(size, classes, List.of(), List.of(), Optional.empty());
    }

    public static Prediction ofDetections(ImageSize size, List<Detection> detections) {
        return new Prediction(size, List.of(), detections, List.of(), Optional.empty());
    }

    public static Prediction ofMasks(ImageSize size, List<SegmentMask> masks) {
        return new Prediction(size, List.of(), List.of(), masks, Optional.empty());
    }

    public static Prediction ofEmbedding(ImageSize size, Embedding embedding) {
        return new Prediction(size, List.of(), List.of(), List.of(), Optional.of(embedding));
    }
}
