package dev.annota.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PrefetchTest {
    private static final String THREAD = "prefetch-test";

    /** Whether a thread of the test's name is still alive (after waiting a little for one that is ending). */
    private static boolean producerAlive() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals(THREAD) && t.isAlive())) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Test
    void delivers_every_element_in_order_from_another_thread() throws InterruptedException {
        Set<String> producers = ConcurrentHashMap.newKeySet();
        AtomicBoolean sourceClosed = new AtomicBoolean();
        List<Integer> got;
        Stream<Integer> source = IntStream.range(0, 10_000).boxed()
                .peek(i -> producers.add(Thread.currentThread().getName()))
                .onClose(() -> sourceClosed.set(true));
        try (Stream<Integer> s = Prefetch.stream(source, 7, 3, THREAD)) {
            got = s.toList();
        }
        assertEquals(IntStream.range(0, 10_000).boxed().toList(), got);
        assertEquals(Set.of(THREAD), producers);
        assertTrue(sourceClosed.get());
        assertFalse(producerAlive());
    }

    @Test
    void rethrows_the_sources_exception_with_its_message_after_the_elements_before_it() throws InterruptedException {
        UncheckedIOException failure = new UncheckedIOException("instances.json: byte 1234: broken",
                new java.io.IOException("broken"));
        Stream<Integer> source = IntStream.range(0, 100).boxed().map(i -> {
            if (i == 42) {
                throw failure;
            }
            return i;
        });
        List<Integer> seen = new ArrayList<>();
        try (Stream<Integer> s = Prefetch.stream(source, 5, 2, THREAD)) {
            UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> s.forEach(seen::add));
            assertSame(failure, thrown);
            assertEquals("instances.json: byte 1234: broken", thrown.getMessage());
        }
        assertEquals(IntStream.range(0, 42).boxed().toList(), seen);
        assertFalse(producerAlive());
    }

    @Test
    void rethrows_an_error_of_the_source() {
        Stream<Integer> source = Stream.of(1, 2, 3).map(i -> {
            if (i == 3) {
                throw new AssertionError("third");
            }
            return i;
        });
        try (Stream<Integer> s = Prefetch.stream(source, 1, 1, THREAD)) {
            assertEquals("third", assertThrows(AssertionError.class, s::toList).getMessage());
        }
    }

    @Test
    void closing_early_stops_the_producer_and_closes_the_source_after_it() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        AtomicBoolean sourceClosed = new AtomicBoolean();
        AtomicBoolean closedWhileProducing = new AtomicBoolean();
        AtomicBoolean producing = new AtomicBoolean();
        Stream<Integer> endless = Stream.iterate(0, i -> i + 1).peek(i -> {
            producing.set(true);
            produced.incrementAndGet();
            if (sourceClosed.get()) {
                closedWhileProducing.set(true);
            }
            producing.set(false);
        }).onClose(() -> {
            if (producing.get()) {
                closedWhileProducing.set(true);
            }
            sourceClosed.set(true);
        });
        try (Stream<Integer> s = Prefetch.stream(endless, 4, 2, THREAD)) {
            Iterator<Integer> it = s.iterator();
            for (int i = 0; i < 10; i++) {
                assertEquals(i, it.next());
            }
        }
        assertTrue(sourceClosed.get());
        assertFalse(closedWhileProducing.get());
        assertFalse(producerAlive());
        int after = produced.get();
        Thread.sleep(50);
        assertEquals(after, produced.get(), "nothing is produced after close");
        // bounded: at most the consumed elements plus the batches in the queue and the one being filled
        assertTrue(after <= 10 + 4 * (2 + 2), "produced " + after);
    }

    @Test
    void an_exception_in_the_consumer_still_stops_the_producer() throws InterruptedException {
        Stream<Integer> endless = Stream.iterate(0, i -> i + 1);
        assertThrows(IllegalStateException.class, () -> {
            try (Stream<Integer> s = Prefetch.stream(endless, 3, 2, THREAD)) {
                s.forEach(i -> {
                    if (i == 20) {
                        throw new IllegalStateException("consumer failed");
                    }
                });
            }
        });
        assertFalse(producerAlive());
    }

    @Test
    void a_stream_closed_unused_starts_no_thread_and_closes_the_source() throws InterruptedException {
        AtomicBoolean sourceClosed = new AtomicBoolean();
        AtomicBoolean pulled = new AtomicBoolean();
        Stream<Integer> source = Stream.of(1, 2).peek(i -> pulled.set(true)).onClose(() -> sourceClosed.set(true));
        Prefetch.stream(source, 1, 1, THREAD).close();
        assertTrue(sourceClosed.get());
        assertFalse(pulled.get());
        assertFalse(producerAlive());
    }

    @Test
    void an_empty_source_gives_an_empty_stream() {
        try (Stream<Integer> s = Prefetch.stream(Stream.<Integer>empty(), 2, 2, THREAD)) {
            assertEquals(List.of(), s.toList());
        }
    }

    @Test
    void rejects_a_batch_size_below_one() {
        assertThrows(IllegalArgumentException.class, () -> Prefetch.stream(Stream.of(1), 0, 1, THREAD));
    }
}
