package dev.annota.app.exports;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Item ids for exported images: the file name without its extension, reduced to characters every format and
 * file system accepts, made unique within one pass ({@code cat}, {@code cat_2}, ...). Formats name the files
 * they write after the item id, so exported files keep their recognisable names.
 *
 * <p>A pass may name millions of images, so the names already used are kept as 64-bit hashes in an
 * open-addressing table (16 bytes per name at most) rather than as strings. Two different names with the same
 * hash only cost the second one a needless {@code _2} suffix; equal names always collide, so ids stay unique.
 */
final class ItemNames {
    private long[] slots = new long[1 << 12];
    private int size;
    private boolean zeroUsed;

    /** A fresh, unique id for an image named {@code fileName} (whose own id is {@code imageId}). */
    String next(String fileName, String imageId) {
        String stem = fileName.replaceFirst("\\.[^.]*$", "").replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^[.]+", "");
        if (stem.isBlank()) {
            stem = imageId;
        }
        String id = stem;
        for (int n = 2; !add(hash(id.toLowerCase(Locale.ROOT))); n++) {
            id = stem + "_" + n;
        }
        return id;
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finaliser so that the low bits index the table well. */
    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    /** Adds {@code h}; false when it was there already. Slot value 0 means empty, so 0 itself is a flag. */
    private boolean add(long h) {
        if (h == 0) {
            boolean fresh = !zeroUsed;
            zeroUsed = true;
            return fresh;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = (int) h & mask; ; i = (i + 1) & mask) {
            if (slots[i] == h) {
                return false;
            }
            if (slots[i] == 0) {
                slots[i] = h;
                size++;
                return true;
            }
        }
    }

    private void grow() {
        long[] old = slots;
        slots = new long[old.length * 2];
        int mask = slots.length - 1;
        for (long h : old) {
            if (h != 0) {
                int i = (int) h & mask;
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = h;
            }
        }
    }
}
