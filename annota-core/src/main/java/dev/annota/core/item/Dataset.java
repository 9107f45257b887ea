package dev.annota.core.item;

import dev.annota.core.schema.LabelSchema;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A label schema and a sequence of items that is streamed, never required to be in memory: a reader over a
 * million-image export hands out items one at a time.
 *
 * <p>Each call to {@link #items()} starts a fresh pass. A stream backed by files or a database holds them
 * open, so callers close it: {@code try (Stream<Item> items = dataset.items()) { ... }}.
 */
public interface Dataset {

    LabelSchema schema();

    /** A fresh, sequential pass over the items; close it when done. */
    Stream<Item> items();

    /**
     * True when a pass over {@link #items()} reports nothing (all problems were reported when the dataset was
     * read), so a writer may run the pass on another thread without changing the order of reported problems.
     */
    default boolean passesAreSilent() {
        return false;
    }

    /** The number of items when known without a pass (for progress bars); empty otherwise. */
    default OptionalLong size() {
        return OptionalLong.empty();
    }

    /**
     * A dataset whose items come from {@code items}, called once per pass (a generator, a file reader…);
     * nothing is kept between passes.
     */
    static Dataset streaming(LabelSchema schema, Supplier<Stream<Item>> items) {
        return new StreamingDataset(schema, items);
    }
}
