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
        final String expected;
        long count;
        final Set<String> items = new LinkedHashSet<>();
        long itemCount;

        Entry(String expected) {
            this.expected = expected;
        }
    }

    /** One annotation of item {@code itemId} lost {@code field}; {@code expected} says what the format holds instead. */
    public void note(String field, String itemId, String expected) {
        Entry e = entries.computeIfAbsent(field, f -> new Entry(expected));
        e.count++;
        if (e.items.size() < LISTED_ITEMS) {
            if (e.items.add(itemId)) {
                e.itemCount++;
            }
        } else if (!e.items.contains(itemId)) {
            e.itemCount++; // approximate beyond the listed items: counted when not among the first ones
        }
    }

    /** The fields noted so far. */
    public Set<String> fields() {
        return entries.keySet();
    }

    /** One warning per field, located at {@code location} (the dataset or file written). */
    public void flush(ImportReport report, String location) {
        entries.forEach((field, e) -> {
            String more = e.itemCount > e.items.size() ? ", …" : "";
            report.warn(new FieldError(location, field, e.count + " annotation" + (e.count == 1 ? "" : "s"),
                    e.expected + " (items: " + String.join(", ", e.items) + more + ")"));
        });
        entries.clear();
    }
}
