package dev.annota.server.routes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.app.images.ListingReferences;
import dev.annota.core.error.FieldError;
import dev.annota.core.error.ValidationException;
import dev.annota.store.images.ImageFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The one parser of image filters, for every endpoint that selects a project's images: {@code split} (a
 * non-blank name), {@code has_annotations} and {@code near_duplicate} ({@code true} or {@code false}) and
 * {@code meta.KEY=VALUE} (any number). They come as query parameters ({@code GET .../images?split=train}) or as
 * the fields of a JSON object ({@code "filter": {"split": "train", "has_annotations": true}}); both are read by
 * {@link #parse}. A name that is neither a filter nor one of the endpoint's own parameters is an error listing
 * the known names, so a misspelt filter never silently selects everything.
 */
final class ImageFilterParams {
    /** The filter names besides {@code meta.KEY}: the image's own columns, then {@link ImageIndexFilters}'. */
    static final Set<String> NAMES = Set.of("split", "has_annotations", "near_duplicate", "status", "label", "annotator",
            "has_suggestions", "min_confidence", "max_confidence", "min_annotations", "max_annotations");
    private static final Set<String> INDEXED = Set.of("status", "label", "annotator", "has_suggestions", "min_confidence",
            "max_confidence", "min_annotations", "max_annotations");

    private ImageFilterParams() {
    }

    /** Where a parameter is in the request, and what the message calls such a parameter. */
    record Source(UnaryOperator<String> location, String noun) {
        static final Source QUERY = new Source(name -> "?" + name, "query parameter");

        static Source jsonObject(String pointer) {
            return new Source(name -> pointer + "/" + name, "filter field");
        }
    }

    /** The query parameters of a request (the first value of each), for {@link #parse}. */
    static Map<String, String> firstValues(Map<String, List<String>> query) {
        Map<String, String> out = new LinkedHashMap<>();
        query.forEach((k, v) -> out.put(k, v.isEmpty() ? "" : v.get(0)));
        return out;
    }

    /**
     * The fields of a JSON object as text (strings as they are, booleans and numbers as written), for
     * {@link #parse}; anything but an object, or a field that is an array or object, is an error.
     */
    static Map<String, List<String>> fields(JsonNode node, String pointer) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ValidationException(new FieldError(pointer, pointer.substring(pointer.lastIndexOf('/') + 1), node.toString(),
                    "expected an object of filters such as {\"split\": \"train\", \"has_annotations\": true}"));
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                out.put(e.getKey(), List.of(e.getValue().asText()));
            } else {
                errors.add(new FieldError(pointer + "/" + e.getKey(), e.getKey(), e.getValue().toString(),
                        "expected a text, true/false or number value"));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return out;
    }

    /**
     * The filter that {@code params} describe. Names in {@code others} (the endpoint's own parameters) are left
     * to the caller; any other unknown name, and every bad value, is added to {@code errors}.
     */
    static ImageFilter parse(Map<String, List<String>> params, Set<String> others, Source source, ListingReferences.Resolver references,
                             List<FieldError> errors) {
        ImageFilter filter = columns(firstValues(params), others, source, errors);
        return ImageIndexFilters.add(filter, params, references, errors);
    }

    /** The filters over the image's own columns; the indexed ones are left to {@link ImageIndexFilters}. */
    private static ImageFilter columns(Map<String, String> params, Set<String> others, Source source, List<FieldError> errors) {
        ImageFilter filter = ImageFilter.all();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            String value = e.getValue();
            String where = source.location().apply(name);
            if (name.startsWith("meta.")) {
                String key = name.substring("meta.".length());
                if (key.isBlank()) {
                    errors.add(new FieldError(where, name, value, "expected meta.KEY=VALUE with a non-empty KEY"));
                } else {
                    filter = filter.withMetadata(key, value);
                }
            } else if (name.equals("split")) {
                if (value.isBlank()) {
                    errors.add(new FieldError(where, name, value, "expected a non-blank split name"));
                } else {
                    filter = filter.withSplit(value);
                }
            } else if (name.equals("has_annotations") || name.equals("near_duplicate")) {
                String v = value.strip();
                if (!v.equals("true") && !v.equals("false")) {
                    errors.add(new FieldError(where, name, value, "expected true or false"));
                } else {
                    filter = name.equals("has_annotations") ? filter.withAnnotations(v.equals("true")) : filter.withNearDuplicate(v.equals("true"));
                }
            } else if (!others.contains(name) && !INDEXED.contains(name)) {
                List<String> known = new ArrayList<>(NAMES);
                known.addAll(others);
                errors.add(new FieldError(where, name, value, "unknown " + source.noun() + "; expected one of "
                        + known.stream().sorted().toList() + " or meta.KEY"));
            }
        }
        return filter;
    }
}
