package dev.annota.store.images;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing and the cursor of the next page (empty on the last page). */
public record ImagePage(List<ImageRecord> images, Optional<String> next) {
    public ImagePage {
        images = List.copyOf(images);
        Objects.requireNonNull(next, "next");
    }
}
