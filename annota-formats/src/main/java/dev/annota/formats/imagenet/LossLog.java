package dev.annota.formats.imagenet;

import dev.annota.core.error.FieldError;
import dev.annota.formats.ImportReport;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a writer could not keep of annotations it did write (attributes, occlusion, scores, groups...), counted
 * per field and reported once per field with the count and the first items, instead of one warning per
 * annotation. Shared by the writers of the classification and YOLO formats.
 */
public final class LossLog {
    private static final int LISTED_ITEMS = 10;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final String field;
        final String value;
        final String expected;
        long count;
        final Set<String> items = new LinkedHashSet<>();
        long itemCount;

        Entry(String field, String value, String expected) {
            this.field = field;
            this.value = value;
            this.expected = expected;
        }
    }

    /** One annotation of item {@code itemId} lost {@code field}; {@code expected} says what the format holds instead. */
    public void note(String field, String itemId, String expected) {
        note(field, "", itemId, expected);
    }

    /**
     * One annotation of item {@code itemId} could not be written because its {@code field} has {@code value}
     * (e.g. field {@code kind}, value {@code polygon}); counted per field and value.
     */
    public void note(String field, String value, String itemId, String expected) {
        Entry e = entries.computeIfAbsent(field + "\u0000" + value, k -> new Entry(field, value, expected));
        e.count++;
        if (e.items.size() < LISTED_ITEMS) {
            if (e.items.add(itemId)) {
                e.itemCount++;
            }
        } else if (!e.items.contains(itemId)) {
            e.itemCount++; // approximate beyond the listed items: counted when not among the first ones
        }
    }


    /** One warning per field, located at {@code location} (the dataset or file written). */
    public void flush(ImportReport report, String location) {
        entries.values().forEach(e -> {
            String more = e.itemCount > e.items.size() ? ", …" : "";
            String count = e.count + " annotation" + (e.count == 1 ? "" : "s");
            report.warn(new FieldError(location, e.field, e.value.isEmpty() ? count : e.value + " (" + count + ")",
                    e.expected + " (items: " + String.join(", ", e.items) + more + ")"));
        });
        entries.clear();
    }
}
