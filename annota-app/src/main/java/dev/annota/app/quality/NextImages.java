package dev.annota.app.quality;

import java.util.List;
import java.util.Objects;

/**
 * The next images to label, best first.
 *
 * @param strategy   the strategy's name ({@code least-confidence}, {@code margin}, {@code entropy}, {@code kcenter},
 *                   {@code entropy-kcenter}, {@code random})
 * @param model      the embedding model used by the k-center strategies, "" for the others
 * @param candidates how many unlabelled images the strategy could choose from
 * @param images     the chosen images
 */
public record NextImages(String strategy, String model, int candidates, List<NextImage> images) {
    public NextImages {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(model, "model");
        images = List.copyOf(images);
    }

    /**
     * One chosen image.
     *
     * @param imageId its id
     * @param score   the strategy's uncertainty in [0, 1] (entropy for entropy-kcenter); for kcenter the distance
     *                (of unit vectors, 0 to 2) to the nearest labelled or earlier chosen image; 0 for random
     */
    public record NextImage(String imageId, double score) {
        public NextImage {
            Objects.requireNonNull(imageId, "imageId");
        }
    }
}
