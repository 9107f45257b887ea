package dev.annota.server.routes;

import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.server.Call;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.ImageQueries;
import dev.annota.store.images.ImageSort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The query of {@code GET /projects/{projectId}/images}: {@code limit} (1–1000, default 50), {@code cursor}
 * (from the previous page), {@code sort} ({@code created_at} by default, or {@code file_name}, {@code width},
 * {@code height}; a leading {@code -} for descending), and the filters {@code split}, {@code has_annotations}
 * and {@code near_duplicate} (true or false) and {@code meta.KEY=VALUE} (repeatable). Any other parameter
 * is a 400 naming the known ones, so a misspelt filter never silently lists everything.
 */
record ImageListQuery(ImageFilter filter, ImageSort sort, int limit, Optional<String> cursor) {
    static final int DEFAULT_LIMIT = 50;
    /** The listing's own parameters, besides the filters of {@link ImageFilterParams}. */
    private static final Set<String> OWN = Set.of("limit", "cursor", "sort");

    static ImageListQuery of(Call call) {
        List<FieldError> errors = new ArrayList<>();
        ImageFilter filter = ImageFilterParams.parse(ImageFilterParams.firstValues(call.ctx().queryParamMap()), OWN,
                ImageFilterParams.Source.QUERY, errors);
        ImageSort sort = sort(call.query("sort").orElse("created_at"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int limit = call.queryInt("limit", DEFAULT_LIMIT, 1, ImageQueries.MAX_LIMIT);
        return new ImageListQuery(filter, sort, limit, call.query("cursor"));
    }

    private static ImageSort sort(String raw, List<FieldError> errors) {
        boolean descending = raw.startsWith("-");
        Optional<ImageSort.Key> key = ImageSort.Key.named(descending ? raw.substring(1) : raw);
        if (key.isEmpty()) {
            errors.add(new FieldError("?sort", "sort", raw, "expected created_at, file_name, width or height, "
                    + "with a leading '-' for descending order"));
            return ImageSort.oldestFirst();
        }
        return new ImageSort(key.get(), descending);
    }
}
