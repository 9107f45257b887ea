package dev.annota.app.eval;

import dev.annota.eval.agreement.KrippendorffAlpha;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of a {@code RATINGS.json}: items × raters category indices (−1 where a rater gave none), or an
 * items × categories count table, with the category list and the measurement level.
 *
 * @param categories category names in order (their position is the index used in {@code ratings} and
 *                   {@code counts}, and the distance for weighted κ)
 * @param values     numeric value of each category, when every category is a number (needed for interval α)
 * @param ratings    {@code ratings[item][rater]}, −1 for missing; empty when only counts were given
 * @param counts     {@code counts[item][category]}, when given directly instead of ratings
 */
public record RatingsData(Path file, List<String> categories, Optional<double[]> values, Optional<int[][]> ratings,
                          Optional<long[][]> counts, KrippendorffAlpha.Level level) {
    /** Marks a missing rating in {@link #ratings}. */
    public static final int MISSING = -1;

    public RatingsData {
        Objects.requireNonNull(file, "file");
        categories = List.copyOf(categories);
        Objects.requireNonNull(level, "level");
    }

    public int items() {
        return ratings.map(r -> r.length).orElseGet(() -> counts.map(c -> c.length).orElse(0));
    }

    public int raters() {
        return ratings.map(r -> r.length == 0 ? 0 : r[0].length).orElse(0);
    }
}
