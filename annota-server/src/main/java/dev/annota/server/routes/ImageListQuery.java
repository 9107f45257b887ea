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
import java.util.Map;
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
    private static final Set<String> KNOWN = Set.of("limit", "cursor", "sort", "split", "has_annotations", "near_duplicate",
            "status", "label", "annotator", "has_suggestions", "min_confidence", "max_confidence", "min_annotations", "max_annotations");

    static ImageListQuery of(Call call, ListingReferences.Resolver references) {
        Map<String, List<String>> params = call.ctx().queryParamMap();
        List<FieldError> errors = new ArrayList<>();
        ImageFilter filter = ImageFilter.all();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue().isEmpty() ? "" : e.getValue().get(0);
            if (name.startsWith("meta.")) {
                String key = name.substring("meta.".length());
                if (key.isBlank()) {
                    errors.add(new FieldError("?" + name, name, value, "expected meta.KEY=VALUE with a non-empty KEY"));
                } else {
                    filter = filter.withMetadata(key, value);
                }
            } else if (!KNOWN.contains(name)) {
                errors.add(new FieldError("?" + name, name, value, "unknown query parameter; expected one of "
                        + KNOWN.stream().sorted().toList() + " or meta.KEY"));
            }
        }
        Optional<String> split = call.query("split");
        if (split.isPresent()) {
            if (split.get().isBlank()) {
                errors.add(new FieldError("?split", "split", split.get(), "expected a non-blank split name"));
            } else {
                filter = filter.withSplit(split.get());
            }
        }
        Optional<Boolean> has = bool(call, "has_annotations", errors);
        if (has.isPresent()) {
            filter = filter.withAnnotations(has.get());
        }
        Optional<Boolean> near = bool(call, "near_duplicate", errors);
        if (near.isPresent()) {
            filter = filter.withNearDuplicate(near.get());
        }
        filter = ImageIndexFilters.add(filter, params, references, errors);
        ImageSort sort = sort(call.query("sort").orElse("created_at"), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        int limit = call.queryInt("limit", DEFAULT_LIMIT, 1, ImageQueries.MAX_LIMIT);
        return new ImageListQuery(filter, sort, limit, call.query("cursor"));
    }

    private static Optional<Boolean> bool(Call call, String name, List<FieldError> errors) {
        Optional<String> raw = call.query(name);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        return switch (raw.get().strip()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                errors.add(new FieldError("?" + name, name, raw.get(), "expected true or false"));
                yield Optional.empty();
            }
        };
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
