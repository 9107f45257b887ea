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
        HEIGHT("i.height", true);

        private final String column;
        private final boolean numeric;

        Key(String column, boolean numeric) {
            this.column = column;
            this.numeric = numeric;
        }

        String column() {
            return column;
        }

        boolean numeric() {
            return numeric;
        }

        /** The key named {@code created_at}, {@code file_name}, {@code width} or {@code height}. */
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

    public static ImageSort by(Key key) {
        return new ImageSort(key, false);
    }

    public ImageSort reversed() {
        return new ImageSort(key, !descending);
    }
}
