package dev.annota.core.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.annota.core.annotation.Annotation;
import dev.annota.core.annotation.BoxAnnotation;
import dev.annota.core.annotation.Tag;
import dev.annota.core.geometry.PixelBox;
import dev.annota.core.schema.AnnotationKind;
import dev.annota.core.schema.LabelId;
import dev.annota.core.schema.LabelSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DatasetSummaryTest {
    private static final LabelSchema SCHEMA = LabelSchema.of("cat", "dog", "bird");
    private static final int MILLION = 1_000_000;

    /**
     * Item {@code i}: in {@code val} when i % 10 == 0, else {@code train}; i % 3 annotations — a tag of label
     * (i % 3) + 1, then a box of label 1. Each item carries 4 KB of its own metadata, so that holding a million
     * of them (4 GB) would not fit in the test JVM's 2 GB heap.
     */
    private static Item generated(long i) {
        List<Annotation> annotations = new ArrayList<>(2);
        if (i % 3 >= 1) {
            annotations.add(Tag.of(LabelId.of((int) (i % 3) + 1)));
        }
        if (i % 3 == 2) {
            annotations.add(BoxAnnotation.of(LabelId.of(1), new PixelBox(0, 0, 10, 10)));
        }
        return new Item("img-" + i, ImageRef.of("images/" + i + ".jpg"), i % 10 == 0 ? "val" : "train", annotations,
                Map.of("payload", "x".repeat(4096)));
    }

    @Test
    void summarises_a_million_generated_items_in_one_streaming_pass() {
        AtomicBoolean closed = new AtomicBoolean();
        Dataset dataset = Dataset.streaming(SCHEMA,
                () -> LongStream.range(0, MILLION).mapToObj(DatasetSummaryTest::generated).onClose(() -> closed.set(true)));

        DatasetSummary s = DatasetSummary.of(dataset);

        long zeros = 333_334; // i % 3 == 0 for i in [0, 999999]: 0, 3, ..., 999999
        long ones = 333_333;  // i % 3 == 1: one tag each
        long twos = 333_333;  // i % 3 == 2: a tag and a box each
        assertEquals(MILLION, s.items());
        assertEquals(ones + 2 * twos, s.annotations());
        assertEquals(zeros, s.itemsWithoutAnnotations());
        assertEquals(Map.of(AnnotationKind.TAG, ones + twos, AnnotationKind.BOX, twos), s.annotationsByKind());
        assertEquals(Map.of(LabelId.of(1), twos, LabelId.of(2), ones, LabelId.of(3), twos), s.annotationsByLabel());
        assertEquals(Map.of(LabelId.of(1), twos, LabelId.of(2), ones, LabelId.of(3), twos), s.itemsByLabel());
        assertEquals(Map.of("train", 900_000L, "val", 100_000L), s.itemsBySubset());
        assertTrue(closed.get(), "the item stream is closed after the pass");
    }

    @Test
    void gives_the_same_summary_on_a_parallel_stream() {
        List<Item> items = LongStream.range(0, 3000).mapToObj(DatasetSummaryTest::generated).toList();
        DatasetSummary sequential = DatasetSummary.of(InMemoryDataset.of(SCHEMA, items));
        DatasetSummary parallel = items.parallelStream().collect(DatasetSummary.collector());
        assertEquals(sequential, parallel);
        assertEquals(sequential.hashCode(), parallel.hashCode());
        assertEquals(1000, sequential.count(AnnotationKind.BOX));
        assertEquals(0, sequential.count(AnnotationKind.MASK));
        assertEquals(0, sequential.count(LabelId.of(7)));
    }

    @Test
    void summarises_an_empty_dataset_as_zeros() {
        DatasetSummary s = DatasetSummary.of(InMemoryDataset.of(SCHEMA, List.of()));
        assertEquals(0, s.items());
        assertTrue(s.annotationsByKind().isEmpty());
        assertTrue(s.itemsBySubset().isEmpty());
    }
}
