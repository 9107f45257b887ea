package dev.annota.app.suggestions;

import dev.annota.core.error.ValidationException;
import java.util.List;
import java.util.Objects;

/**
 * Which of an image's suggestions an accept or reject applies to: the ones named by id, or all of them whose
 * confidence is at least {@code minConfidence}.
 *
 * @param ids           the suggestions by id; empty when {@code all}
 * @param all           every suggestion of the image (with at least {@code minConfidence})
 * @param minConfidence the lowest confidence taken by {@code all}, in [0, 1]; 0 takes every one
 */
public record SuggestionSelection(List<String> ids, boolean all, double minConfidence) {
    public SuggestionSelection {
        ids = List.copyOf(ids);
        ids.forEach(id -> Objects.requireNonNull(id, "id"));
        if (all == !ids.isEmpty()) {
            throw ValidationException.of("ids", ids.toString(), "expected either suggestion ids or \"all\": true (not both)");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw ValidationException.of("min_confidence", minConfidence, "expected a confidence in [0, 1]");
        }
        if (!all && minConfidence > 0) {
            throw ValidationException.of("min_confidence", minConfidence, "expected min_confidence only with \"all\": true");
        }
    }

    /** These suggestions, by id. */
    public static SuggestionSelection of(List<String> ids) {
        return new SuggestionSelection(ids, false, 0);
    }

    /** Every suggestion with a confidence of at least {@code minConfidence}. */
    public static SuggestionSelection allFrom(double minConfidence) {
        return new SuggestionSelection(List.of(), true, minConfidence);
    }
}
