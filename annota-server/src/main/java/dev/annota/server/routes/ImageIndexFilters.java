package dev.annota.server.routes;

import dev.annota.app.images.ListingReferences;
import dev.annota.core.error.FieldError;
import dev.annota.core.schema.LabelId;
import dev.annota.store.images.ImageFilter;
import dev.annota.store.images.IndexConditions;
import dev.annota.store.workflow.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The listing's filters over the annotation index, suggestions and workflow ({@code status}, {@code label},
 * {@code annotator}, {@code has_suggestions}, {@code min/max_confidence}, {@code min/max_annotations}), parsed
 * from the query string into {@link IndexConditions}; every bad value becomes a field error naming parameter
 * and value, collected with the listing's other errors.
 */
final class ImageIndexFilters {
    private static final List<String> STATUSES = List.of("annotate", "review", "done", "none");

    private ImageIndexFilters() {
    }

    static ImageFilter add(ImageFilter filter, Map<String, List<String>> params, ListingReferences.Resolver references,
                           List<FieldError> errors) {
        ImageFilter f = filter;
        List<String> statuses = params.getOrDefault("status", List.of());
        if (!statuses.isEmpty()) {
            List<Stage> stages = new ArrayList<>();
            boolean none = false;
            for (String s : statuses) {
                String v = s.strip();
                if (!STATUSES.contains(v)) {
                    errors.add(error("status", s, "expected one of " + STATUSES + " (the workflow stage of the image's task)"));
                } else if (v.equals("none")) {
                    none = true;
                } else {
                    stages.add(Stage.parse("status", v));
                }
            }
            if (!stages.isEmpty() || none) {
                f = f.and(IndexConditions.stage(stages, none));
            }
        }
        List<String> labels = params.getOrDefault("label", List.of());
        if (!labels.isEmpty()) {
            List<LabelId> ids = new ArrayList<>();
            for (String l : labels) {
                references.label(l).ifPresentOrElse(ids::add, () -> errors.add(error("label", l,
                        "expected the id or name of a class of the project's schema")));
            }
            if (!ids.isEmpty()) {
                f = f.and(IndexConditions.anyLabel(ids));
            }
        }
        Optional<String> annotator = first(params, "annotator");
        if (annotator.isPresent()) {
            Optional<String> user = references.user(annotator.get());
            if (user.isEmpty()) {
                errors.add(error("annotator", annotator.get(), "expected a user id, a username or \"me\""));
            } else {
                f = f.and(IndexConditions.annotator(user.get()));
            }
        }
        Optional<String> has = first(params, "has_suggestions");
        if (has.isPresent()) {
            switch (has.get().strip()) {
                case "true" -> f = f.and(IndexConditions.hasSuggestions(true));
                case "false" -> f = f.and(IndexConditions.hasSuggestions(false));
                default -> errors.add(error("has_suggestions", has.get(), "expected true or false"));
            }
        }
        OptionalDouble min = confidence(params, "min_confidence", errors);
        OptionalDouble max = confidence(params, "max_confidence", errors);
        if (min.isPresent() || max.isPresent()) {
            double lo = min.orElse(0);
            double hi = max.orElse(1);
            if (lo > hi) {
                errors.add(error("max_confidence", Double.toString(hi), "expected max_confidence >= min_confidence (" + lo + ")"));
            } else {
                f = f.and(IndexConditions.suggestionConfidence(lo, hi));
            }
        }
        OptionalInt fewest = count(params, "min_annotations", errors);
        OptionalInt most = count(params, "max_annotations", errors);
        if (fewest.isPresent() && most.isPresent() && fewest.getAsInt() > most.getAsInt()) {
            errors.add(error("max_annotations", Integer.toString(most.getAsInt()), "expected max_annotations >= min_annotations ("
                    + fewest.getAsInt() + ")"));
        } else if (fewest.isPresent() || most.isPresent()) {
            f = f.and(IndexConditions.annotationCount(fewest, most));
        }
        return f;
    }

    private static Optional<String> first(Map<String, List<String>> params, String name) {
        return params.getOrDefault(name, List.of()).stream().findFirst();
    }

    /** The confidence in [0, 1] given as parameter {@code name}, or a field error naming it and its value. */
    static OptionalDouble confidence(Map<String, List<String>> params, String name, List<FieldError> errors) {
        Optional<String> raw = first(params, name);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(raw.get().strip());
            if (v >= 0 && v <= 1) {
                return OptionalDouble.of(v);
            }
        } catch (NumberFormatException e) {
            // reported below, with the parameter and value
        }
        errors.add(error(name, raw.get(), "expected a confidence from 0 to 1, like 0.5"));
        return OptionalDouble.empty();
    }

    private static OptionalInt count(Map<String, List<String>> params, String name, List<FieldError> errors) {
        Optional<String> raw = first(params, name);
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        String v = raw.get().strip();
        if (v.matches("\\d{1,9}")) {
            return OptionalInt.of(Integer.parseInt(v));
        }
        errors.add(error(name, raw.get(), "expected a whole number of annotations >= 0"));
        return OptionalInt.empty();
    }

    private static FieldError error(String name, String value, String expected) {
        return new FieldError("?" + name, name, value, expected);
    }
}
