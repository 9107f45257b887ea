package dev.annota.core.item;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collector;
import java.util.stream.Stream;

/**
 * Counts over a dataset, computed in one streaming pass with memory that grows with the number of labels,
 * kinds and subsets, not with the number of items. Maps hold only non-zero counts, in a stable order.
 *
 * @param items                    number of items
 * @param annotations              number of annotations
 * @param itemsWithoutAnnotations  items with no annotation at all
 * @param annotationsByKind        annotations per kind
 * @param annotationsByLabel       annotations per label id (ids need not be in the schema: this is a count,
 *                                 not a check)
 * @param itemsByLabel             items with at least one annotation of the label
 * @param itemsBySubset            items per subset (split)
 */
public record DatasetSummary(long items, long annotations, long itemsWithoutAnnotations,
        Map<AnnotationKind, Long> annotationsByKind, Map<LabelId, Long> annotationsByLabel,
        Map<LabelId, Long> itemsByLabel, Map<String, Long> itemsBySubset) {
    public DatasetSummary {
        annotationsByKind = Collections.unmodifiableMap(annotationsByKind.isEmpty()
                ? new EnumMap<>(AnnotationKind.class) : new EnumMap<>(annotationsByKind));
        annotationsByLabel = Collections.unmodifiableMap(new TreeMap<>(annotationsByLabel));
        itemsByLabel = Collections.unmodifiableMap(new TreeMap<>(itemsByLabel));
        itemsBySubset = Collections.unmodifiableMap(new TreeMap<>(itemsBySubset));
    }

    /** Summarises {@code dataset} in one pass, closing the stream. */
    public static DatasetSummary of(Dataset dataset) {
        try (Stream<Item> items = dataset.items()) {
            return items.collect(collector());
        }
    }

    /** A collector that counts as items stream by; it also works on parallel streams. */
    public static Collector<Item, Accumulator, DatasetSummary> collector() {
        return Collector.of(Accumulator::new, Accumulator::add, Accumulator::combine, Accumulator::toSummary);
    }

    /** The number of annotations of {@code kind} (0 when none). */
    public long count(AnnotationKind kind) {
        return annotationsByKind.getOrDefault(kind, 0L);
    }

    /** The number of annotations of {@code label} (0 when none). */
    public long count(LabelId label) {
        return annotationsByLabel.getOrDefault(label, 0L);
    }

    /** Mutable running counts; use through {@link #collector()} or add items by hand. Not thread-safe. */
    public static final class Accumulator {
        private long items;
        private long annotations;
        private long empty;
        private final EnumMap<AnnotationKind, Long> byKind = new EnumMap<>(AnnotationKind.class);
        private final Map<LabelId, Long> byLabel = new TreeMap<>();
        private final Map<LabelId, Long> itemsByLabel = new TreeMap<>();
        private final Map<String, Long> bySubset = new TreeMap<>();

        public Accumulator add(Item item) {
            items++;
            bySubset.merge(item.subset(), 1L, Long::sum);
            if (item.annotations().isEmpty()) {
                empty++;
                return this;
            }
            Set<LabelId> labels = new HashSet<>();
            for (Annotation a : item.annotations()) {
                annotations++;
                byKind.merge(a.kind(), 1L, Long::sum);
                byLabel.merge(a.label(), 1L, Long::sum);
                labels.add(a.label());
            }
            labels.forEach(l -> itemsByLabel.merge(l, 1L, Long::sum));
            return this;
        }

        public Accumulator combine(Accumulator other) {
            items += other.items;
            annotations += other.annotations;
            empty += other.empty;
            other.byKind.forEach((k, v) -> byKind.merge(k, v, Long::sum));
            other.byLabel.forEach((k, v) -> byLabel.merge(k, v, Long::sum));
            other.itemsByLabel.forEach((k, v) -> itemsByLabel.merge(k, v, Long::sum));
            other.bySubset.forEach((k, v) -> bySubset.merge(k, v, Long::sum));
            return this;
        }

        public DatasetSummary toSummary() {
            return new DatasetSummary(items, annotations, empty, byKind, byLabel, itemsByLabel, bySubset);
        }
    }
}
