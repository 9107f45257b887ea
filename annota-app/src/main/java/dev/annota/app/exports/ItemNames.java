package dev.annota.app.exports;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Item ids for exported images: the file name without its extension, reduced to characters every format and
 * file system accepts, made unique within one pass ({@code cat}, {@code cat_2}, ...). Formats name the files
 * they write after the item id, so exported files keep their recognisable names.
 */
final class ItemNames {
    private final Set<String> used = new HashSet<>();

    /** A fresh, unique id for an image named {@code fileName} (whose own id is {@code imageId}). */
    String next(String fileName, String imageId) {
        String stem = fileName.replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[.]+", "");
        if (stem.isBlank()) {
            stem = imageId;
        }
        String id = stem;
        for (int n = 2; !used.add(id.toLowerCase(Locale.ROOT)); n++) {
            id = stem + "_" + n;
        }
        return id;
    }
}
