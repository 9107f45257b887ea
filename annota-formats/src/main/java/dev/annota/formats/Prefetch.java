package dev.annota.formats;

import dev.annota.core.error.AnnotaException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs a stream ahead of its consumer on a background thread, so that producing the elements (parsing
 * them from a file, say) and consuming them (writing them out) overlap on two cores. At most
 * {@code batches × batchSize} elements wait between the two, so memory stays bounded.
 *
 * <p>The elements arrive in the source's order. An exception the source throws reaches the consumer, as the
 * same exception object (its message unchanged), after the elements produced before it. Closing the returned
 * stream, before or after the end, stops the producer, waits for its thread to end and then closes the
 * source on the closing thread; so a source is never used by two threads at once, and whatever the source did
 * (side effects of {@code peek}, say) is visible to the closer. The thread starts on the first element asked
 * for; a stream that is closed unused starts none.
 *
 * <p>Only for sources that may run on another thread: not for one bound to its thread (a transaction held
 * in a thread-local), nor one that reports into a log the consumer also writes, where the order of the
 * entries would change.
 */
public final class Prefetch<T> implements Iterator<T>, AutoCloseable {
    /** How often a blocked producer looks whether the consumer has closed. */
    private static final long POLL_MS = 20;

    private final Stream<T> source;
    private final int batchSize;
    private final BlockingQueue<Batch<T>> queue;
    private final String threadName;
    private Thread producer;
    private volatile boolean closed;
    private Batch<T> current;
    private int next;

    /** One hand-over: some elements, then possibly the end of the source or its failure. */
    private record Batch<T>(List<T> elements, boolean last, RuntimeException failure, Error error) {
    }

    private Prefetch(Stream<T> source, int batchSize, int batches, String threadName) {
        if (batchSize < 1 || batches < 1) {
            throw new IllegalArgumentException("expected a batch size and a batch count of at least 1, got "
                    + batchSize + " and " + batches);
        }
        this.source = source;
        this.batchSize = batchSize;
        this.queue = new ArrayBlockingQueue<>(batches);
        this.threadName = threadName;
    }

    /**
     * The elements of {@code source}, produced on a thread named {@code threadName} up to {@code batches}
     * batches of {@code batchSize} ahead of the consumer. Close the returned stream (it closes the source).
     */
    public static <T> Stream<T> stream(Stream<T> source, int batchSize, int batches, String threadName) {
        Prefetch<T> prefetch = new Prefetch<>(source, batchSize, batches, threadName);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(prefetch, Spliterator.ORDERED), false)
                .onClose(prefetch::close);
    }

    @Override
    public boolean hasNext() {
        if (closed) {
            return false;
        }
        while (current == null || next == current.elements().size()) {
            if (current != null && current.last()) {
                rethrow(current);
                return false;
            }
            current = take();
            next = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.elements().get(next++);
    }

    private Batch<T> take() {
        if (producer == null) {
            producer = new Thread(this::produce, threadName);
            producer.setDaemon(true);
            producer.start();
        }
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnotaException("interrupted while waiting for the next element from " + threadName, e);
        }
    }

    private static void rethrow(Batch<?> last) {
        if (last.failure() != null) {
            throw last.failure();
        }
        if (last.error() != null) {
            throw last.error();
        }
    }

    /** The producer thread: fills batches until the source ends, fails, or the consumer closes. */
    private void produce() {
        List<T> batch = new ArrayList<>(batchSize);
        try {
            Iterator<T> it = source.iterator();
            while (!closed && it.hasNext()) {
                batch.add(it.next());
                if (batch.size() == batchSize) {
                    if (!put(new Batch<>(batch, false, null, null))) {
                        return;
                    }
                    batch = new ArrayList<>(batchSize);
                }
            }
            put(new Batch<>(batch, true, null, null));
        } catch (RuntimeException e) {
            put(new Batch<>(batch, true, e, null));
        } catch (Error e) {
            put(new Batch<>(batch, true, null, e));
        }
    }

    /** Hands a batch over; false when the consumer has closed meanwhile. */
    private boolean put(Batch<T> batch) {
        try {
            while (!closed) {
                if (queue.offer(batch, POLL_MS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** Stops the producer, waits for its thread to end, then closes the source. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.clear(); // a producer waiting for room sees the flag at once
        boolean interrupted = false;
        if (producer != null) {
            while (producer.isAlive()) {
                try {
                    producer.join();
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the source must not be closed under the producer
                }
            }
        }
        queue.clear();
        current = null;
        try {
            source.close();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
