package dev.annota.formats;

import dev.annota.core.item.Item;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.stream.Stream;

/** The item loop of the streaming writers: every item through an action that may throw {@link IOException}. */
public final class ItemStreams {
    private ItemStreams() {
    }

    /** What a writer does with one item. */
    @FunctionalInterface
    public interface ItemAction {
        void accept(Item item) throws IOException;
    }

    /**
     * Runs {@code each} on the items in order and closes the stream. The first {@link IOException}, whether
     * {@code each} throws it or the stream (wrapped in an {@link UncheckedIOException}), stops the loop and is
     * thrown as it is.
     */
    public static void forEach(Stream<Item> items, ItemAction each) throws IOException {
        try (items) {
            items.forEach(item -> {
                try {
                    each.accept(item);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
