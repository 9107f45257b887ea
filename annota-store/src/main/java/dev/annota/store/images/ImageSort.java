package dev.annota.store.images;

import java.util.Locale;
import java.util.Objects;

/** The order of a listing: a key and a direction; the image id breaks ties, so the order is total. */
public record ImageSort(Key key, boolean descending) {
    /** The columns a listing can be sorted by (each has an index with the project and the id). */
    public enum Key {
        CREATED_AT("i.created_at", true),
        FILE_NAME("i.file_name", false),
        WIDTH("i.width", true),
        HEIGHT("i.height", true),
        /**
         * The image's model uncertainty ({@link dev.annota.store.suggestions.Uncertainty}), a score in
         * {@code image_scores}; images without one (no suggestions) come after all scored ones, oldest first,
         * in both directions. Descending (most uncertain first) is what active learning wants.
         */
        UNCERTAINTY("sc.score_value", false, dev.annota.store.suggestions.Uncertainty.SCORE_NAME);

        private final String column;
        private final boolean numeric;
        private final String score;

        Key(String column, boolean numeric) {
            this(column, numeric, null);
        }

        Key(String column, boolean numeric, String score) {
            this.column = column;
            this.numeric = numeric;
            this.score = score;
        }

        /** The name of the per-image score this key sorts by, when it is one ({@code image_scores.score_name}). */
        public java.util.Optional<String> scoreName() {
            return java.util.Optional.ofNullable(score);
        }

        String column() {
            return column;
        }

        boolean numeric() {
            return numeric;
        }

        /** The key named {@code created_at}, {@code file_name}, {@code width}, {@code height} or {@code uncertainty}. */
        public static java.util.Optional<Key> named(String name) {
            for (Key k : values()) {
                if (k.name().equalsIgnoreCase(name.strip())) {
                    return java.util.Optional.of(k);
                }
            }
            return java.util.Optional.empty();
        }

        public String keyName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public ImageSort {
        Objects.requireNonNull(key, "key");
    }

    /** Oldest first: the default order. */
    public static ImageSort oldestFirst() {
        return new ImageSort(Key.CREATED_AT, false);
    }

    /** Most uncertain first, images without suggestions last. */
    public static ImageSort mostUncertainFirst() {
        return new ImageSort(Key.UNCERTAINTY, true);
    }

    public static ImageSort by(Key key) {
        return new ImageSort(key, false);
    }

    public ImageSort reversed() {
        return new ImageSort(key, !descending);
    }
}
