package dev.annota.server.routes;

import dev.annota.app.images.ListingReferences;
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
 * {@code height}; a leading {@code -} for descending; {@code uncertainty} is most uncertain first and
 * {@code -uncertainty} least uncertain first, images without suggestions last in both), and the filters
 * {@code split}, {@code has_annotations} and {@code near_duplicate} (true or false) and {@code meta.KEY=VALUE}
 * (repeatable), plus the index filters: {@code status} (annotate, review, done or none; repeatable: any of),
 * {@code label} (class id or name; repeatable: any of), {@code annotator} (user id, username or {@code me}),
 * {@code has_suggestions}, {@code min_confidence}/{@code max_confidence} (images with a suggestion in the
 * range) and {@code min_annotations}/{@code max_annotations}. Any other parameter is a 400 naming the known
 * ones, so a misspelt filter never silently lists everything; a bad value is a 400 naming parameter and value.
 */
record ImageListQuery(ImageFilter filter, ImageSort sort, int limit, Optional<String> cursor) {
    static final int DEFAULT_LIMIT = 50;
    /** The listing's own parameters, besides the filters of {@link ImageFilterParams}. */
    private static final Set<String> OWN = Set.of("limit", "cursor", "sort");

    static ImageListQuery of(Call call, ListingReferences.Resolver references) {
        List<FieldError> errors = new ArrayList<>();
        ImageFilter filter = ImageFilterParams.parse(call.ctx().queryParamMap(), OWN, ImageFilterParams.Source.QUERY, references, errors);
        ImageSort sort = sort(call.query("sort").orElse("created_at"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int limit = call.queryInt("limit", DEFAULT_LIMIT, 1, ImageQueries.MAX_LIMIT);
        return new ImageListQuery(filter, sort, limit, call.query("cursor"));
    }

    private static ImageSort sort(String raw, List<FieldError> errors) {
        boolean descending = raw.startsWith("-");
        if (raw.equals("uncertainty") || raw.equals("-uncertainty")) {
            return descending ? ImageSort.mostUncertainFirst().reversed() : ImageSort.mostUncertainFirst();
        }
        Optional<ImageSort.Key> key = ImageSort.Key.named(descending ? raw.substring(1) : raw);
        if (key.isEmpty()) {
            errors.add(new FieldError("?sort", "sort", raw, "expected created_at, file_name, width, height or uncertainty, "
                    + "with a leading '-' for the reverse order"));
            return ImageSort.oldestFirst();
        }
        return new ImageSort(key.get(), descending);
    }
}
