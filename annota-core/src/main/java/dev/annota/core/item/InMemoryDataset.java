package dev.annota.core.item;

import dev.annota.core.error.ValidationException;
import dev.annota.core.schema.LabelSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/** A {@link Dataset} held in a list: for tests and small data. Item ids must be unique. Immutable. */
public final class InMemoryDataset implements Dataset {
    private final LabelSchema schema;
    private final List<Item> items;

    private InMemoryDataset(LabelSchema schema, List<Item> items) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.items = List.copyOf(items);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < this.items.size(); i++) {
            if (!ids.add(this.items.get(i).id())) {
                throw ValidationException.of("items[" + i + "].id", this.items.get(i).id(), "expected a unique item id");
            }
        }
    }

    public static InMemoryDataset of(LabelSchema schema, List<Item> items) {
        return new InMemoryDataset(schema, items);
    }

    /** Reads every item of {@code dataset} into memory. */
    public static InMemoryDataset copyOf(Dataset dataset) {
        try (Stream<Item> items = dataset.items()) {
            return new InMemoryDataset(dataset.schema(), items.toList());
        }
    }

    @Override
    public LabelSchema schema() {
        return schema;
    }

    @Override
    public Stream<Item> items() {
        return items.stream();
    }

    /** The items, as a list. */
    public List<Item> itemList() {
        return items;
    }

    @Override
    public OptionalLong size() {
        return OptionalLong.of(items.size());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InMemoryDataset d && d.schema.equals(schema) && d.items.equals(items);
    }

    @Override
    public int hashCode() {
        return 31 * schema.hashCode() + items.hashCode();
    }

    @Override
    public String toString() {
        return "InMemoryDataset[" + items.size() + " items, " + schema + "]";
    }
}
