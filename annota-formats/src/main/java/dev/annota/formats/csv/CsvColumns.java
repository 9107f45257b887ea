package dev.annota.formats.csv;

import dev.annota.formats.imagenet.ImageFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the columns of a label CSV mean. Without a header: column 1 is the image, column 2 the labels, and
 * any further columns are ignored (with one warning). With a header row, columns are found by name
 * (case-insensitive): the image ({@code image}, {@code image_path}, {@code img}, {@code file},
 * {@code filename}, {@code file_name}, {@code path}; else column 1), the labels ({@code label},
 * {@code labels}, {@code class}, {@code category}, {@code tags}, {@code tag}; else column 2), the optional
 * {@code split} (or {@code subset}) and {@code confidence} (or {@code score}); every other named column is
 * kept as item metadata under its header name.
 *
 * <p>The first row is a header when its image cell has no image file extension and either names a known
 * image column or the second row's image cell has an image extension.
 */
record CsvColumns(int image, int label, Optional<Integer> split, Optional<Integer> confidence,
        Map<Integer, String> extra, boolean header) {
    static final Set<String> IMAGE_NAMES = Set.of("image", "image_path", "img", "file", "filename", "file_name", "path");
    static final Set<String> LABEL_NAMES = Set.of("label", "labels", "class", "category", "tags", "tag");
    static final Set<String> SPLIT_NAMES = Set.of("split", "subset");
    static final Set<String> CONFIDENCE_NAMES = Set.of("confidence", "score");

    static final CsvColumns PLAIN = new CsvColumns(0, 1, Optional.empty(), Optional.empty(), Map.of(), false);

    static boolean isHeader(List<String> first, Optional<List<String>> second) {
        String cell = first.get(0).strip();
        if (ImageFiles.hasImageExtension(cell)) {
            return false;
        }
        if (IMAGE_NAMES.contains(cell.toLowerCase(Locale.ROOT))) {
            return true;
        }
        return second.filter(s -> !s.isEmpty() && ImageFiles.hasImageExtension(s.get(0).strip())).isPresent();
    }

    static CsvColumns fromHeader(List<String> header) {
        List<String> names = new ArrayList<>();
        header.forEach(h -> names.add(h.strip().toLowerCase(Locale.ROOT)));
        int image = find(names, IMAGE_NAMES).orElse(0);
        int label = find(names, LABEL_NAMES).orElse(image == 1 ? 0 : 1);
        Optional<Integer> split = find(names, SPLIT_NAMES);
        Optional<Integer> confidence = find(names, CONFIDENCE_NAMES);
        Map<Integer, String> extra = new TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            if (i != image && i != label && !split.equals(Optional.of(i)) && !confidence.equals(Optional.of(i))
                    && !header.get(i).isBlank()) {
                extra.put(i, header.get(i).strip());
            }
        }
        return new CsvColumns(image, label, split, confidence, extra, true);
    }

    private static Optional<Integer> find(List<String> names, Set<String> wanted) {
        for (int i = 0; i < names.size(); i++) {
            if (wanted.contains(names.get(i))) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The number of columns a row needs: up to the label column. */
    int required() {
        return Math.max(image, label) + 1;
    }
}
