package dev.annota.app.prelabel;

import dev.annota.store.images.ImageFilter;
import java.util.List;
import java.util.Map;

/**
 * Turns a job's stored filter parameters back into an {@link ImageFilter}: the server's one parser of image
 * filters, given to the app so that a resumed job selects the same images.
 */
@FunctionalInterface
public interface FilterParser {
    /** The filter of {@code params} in the project, resolved as {@code userId} would (label names, {@code me}). */
    ImageFilter parse(String projectId, String userId, Map<String, List<String>> params);

    /** A parser for callers without filters (the CLI): only an empty filter. */
    FilterParser NONE = (projectId, userId, params) -> {
        if (!params.isEmpty()) {
            throw dev.annota.core.error.ValidationException.of("filter", params.keySet(), "no filter here");
        }
        return ImageFilter.all();
    };
}
