package dev.annota.infer.serve;

import dev.annota.infer.Prediction;
import dev.annota.infer.PreparedImage;
import dev.annota.infer.Predictor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The queue between request threads and the model. Request threads {@link #submit} prepared images; runner
 * threads take the oldest, then — for a model with a dynamic batch axis — whatever else is waiting, up to
 * {@code maxBatch} images or until the oldest has waited {@code maxDelay}, and run them as one batch. A
 * fixed-batch model runs one image per run on each runner. Each image's future completes with its own
 * prediction, in the order of the batch, so batched requests never see each other's results.
 */
final class Batcher implements AutoCloseable {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Predictor predictor;
    private final int maxBatch;
    private final long maxDelayNanos;
    private final BlockingQueue<Job> queue;
    private final List<Thread> runners = new ArrayList<>();
    private volatile ServeMetrics metrics;
    /** Images submitted whose run has not started: in the queue or in a batch being gathered. */
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;

    private record Job(PreparedImage image, CompletableFuture<Prediction> result, long queuedAt) {
    }

    Batcher(Predictor predictor, int maxBatch, long maxDelayNanos, int runnerCount, int capacity) {
        this.predictor = predictor;
        this.maxBatch = predictor.batches() ? maxBatch : 1;
        this.maxDelayNanos = maxDelayNanos;
        this.queue = new LinkedBlockingQueue<>(capacity);
        for (int i = 0; i < runnerCount; i++) {
            Thread t = new Thread(this::loop, "annota-serve-runner-" + (i + 1));
            t.setDaemon(true);
            runners.add(t);
        }
    }

    void start(ServeMetrics m) {
        metrics = m;
        runners.forEach(Thread::start);
    }

    /** Images waiting for the model: queued, or gathered into a batch that has not started. */
    int depth() {
        return waiting.get();
    }

    /** Queues one image; the future completes with its prediction or the model's error. */
    CompletableFuture<Prediction> submit(PreparedImage image) {
        if (closing) {
            throw Problem.unavailable("shutting-down", "the server is shutting down");
        }
        Job job = new Job(image, new CompletableFuture<>(), System.nanoTime());
        waiting.incrementAndGet();
        if (!queue.offer(job)) {
            waiting.decrementAndGet();
            throw Problem.unavailable("overloaded", queue.size() + " images are already waiting for the model; retry later");
        }
        return job.result();
    }

    private void loop() {
        List<Job> batch = new ArrayList<>(maxBatch);
        while (true) {
            Job first;
            try {
                first = queue.poll(POLL_NANOS, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            gather(batch, first.queuedAt() + maxDelayNanos);
            run(batch);
        }
    }

    /** Adds waiting images to {@code batch} until it is full or {@code deadline} (nanoTime) has passed. */
    private void gather(List<Job> batch, long deadline) {
        while (batch.size() < maxBatch) {
            Job j = queue.poll();
            if (j == null) {
                long wait = deadline - System.nanoTime();
                if (wait <= 0 || closing) {
                    return;
                }
                try {
                    j = queue.poll(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (j == null) {
                    return;
                }
            }
            batch.add(j);
        }
    }

    private void run(List<Job> batch) {
        waiting.addAndGet(-batch.size());
        try {
            List<Prediction> out = predictor.predictPrepared(batch.stream().map(Job::image).toList());
            metrics.batch(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(out.get(i));
            }
        } catch (RuntimeException | Error e) {
            for (Job j : batch) {
                j.result().completeExceptionally(e);
            }
        }
    }

    /** Stops taking new images, runs every image already queued, and waits for the runners to finish. */
    @Override
    public void close() {
        closing = true;
        for (Thread t : runners) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        // a request that slipped past the closing check after the runners left
        for (Job j; (j = queue.poll()) != null; ) {
            waiting.decrementAndGet();
            j.result().completeExceptionally(Problem.unavailable("shutting-down", "the server is shutting down"));
        }
    }
}
