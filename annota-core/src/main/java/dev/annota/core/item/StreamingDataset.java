package dev.annota.core.item;

import dev.annota.core.schema.LabelSchema;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** A {@link Dataset} that asks a supplier for each pass; see {@link Dataset#streaming}. */
final class StreamingDataset implements Dataset {
    private final LabelSchema schema;
    private final Supplier<Stream<Item>> items;

    StreamingDataset(LabelSchema schema, Supplier<Stream<Item>> items) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.items = Objects.requireNonNull(items, "items");
    }

    @Override
    public LabelSchema schema() {
        return schema;
    }

    @Override
    public Stream<Item> items() {
        return Objects.requireNonNull(items.get(), "the item supplier returned no stream");
    }

    @Override
    public String toString() {
        return "StreamingDataset[" + schema + "]";
    }
}
