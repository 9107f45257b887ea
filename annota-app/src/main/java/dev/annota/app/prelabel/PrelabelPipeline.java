package dev.annota.app.prelabel;

import dev.annota.app.Progress;
import dev.annota.core.error.AnnotaException;
import dev.annota.infer.Prediction;
import dev.annota.infer.PreparedImage;
import dev.annota.infer.Predictor;
import dev.annota.infer.image.ImageDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a model over many image files with decoding overlapped with inference. A feeder thread walks the items
 * and hands each to a pool of {@link PrelabelSettings#decodeThreads()} producers that read the file, decode it
 * (EXIF upright; large images at reduced scale, see {@link PrelabelSettings#reducedDecode()}) and preprocess it
 * into the model's input ({@link Predictor#prepareEncoded}); at most
 * {@link PrelabelSettings#queueImages()} images wait decoded. The calling thread is the consumer: it takes
 * the decoded images in batches of the predictor's batch size, runs {@link Predictor#predictPrepared}, and
 * hands every {@link PrelabelSettings#storeBatch()} results to the {@link Sink} (one transaction each). Between
 * batches it checks the progress for a cancel; an unreadable image is reported and skipped, not fatal.
 */
public final class PrelabelPipeline {
    private PrelabelPipeline() {
    }

    /** One image to run on: its id and its file. */
    public record Item(String imageId, Path file) {
        public Item {
            Objects.requireNonNull(imageId, "imageId");
            Objects.requireNonNull(file, "file");
        }
    }

    /** An image and what the model said. */
    public record Done(Item item, Prediction prediction) {
    }

    /** An image that could not be read or decoded. */
    public record Failure(String imageId, String message) {
    }

    /** Where results go, a batch at a time. */
    @FunctionalInterface
    public interface Sink {
        void store(List<Done> batch);
    }

    /** What a run did. */
    public record Stats(long processed, List<Failure> failures, double seconds) {
        public Stats {
            failures = List.copyOf(failures);
        }
    }

    private record Ready(Item item, PreparedImage input) {
    }

    private record Broken(RuntimeException error) {
    }

    private static final Object END = new Object();

    /**
     * Runs {@code predictor} on every item; {@code total} (0 when unknown) is for the progress, which also gets a
     * step after every stored batch.
     */
    public static Stats run(Predictor predictor, Iterator<Item> items, int batchSize, Sink sink, PrelabelSettings settings,
                            Progress progress, long total) {
        long start = System.nanoTime();
        BlockingQueue<Object> ready = new ArrayBlockingQueue<>(settings.queueImages() + 2);
        Semaphore slots = new Semaphore(settings.queueImages());
        AtomicInteger n = new AtomicInteger();
        ExecutorService decoders = Executors.newFixedThreadPool(settings.decodeThreads(), r -> {
            Thread t = new Thread(r, "annota-prelabel-decode-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Thread feeder = new Thread(() -> feed(predictor, items, decoders, slots, ready, settings.reducedDecode()), "annota-prelabel-feed");
        feeder.setDaemon(true);
        List<Failure> failures = new ArrayList<>();
        long processed = 0;
        progress.start("pre-labelling", total);
        feeder.start();
        try {
            List<Done> pending = new ArrayList<>();
            boolean more = true;
            while (more) {
                List<Ready> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize) {
                    Object next = take(ready);
                    if (next == END) {
                        more = false;
                        break;
                    }
                    slots.release();
                    if (next instanceof Broken b) {
                        throw b.error();
                    } else if (next instanceof Failure f) {
                        failures.add(f);
                    } else {
                        batch.add((Ready) next);
                    }
                }
                progress.checkCancelled();
                if (!batch.isEmpty()) {
                    List<Prediction> predictions = predictor.predictPrepared(batch.stream().map(Ready::input).toList());
                    for (int i = 0; i < batch.size(); i++) {
                        pending.add(new Done(batch.get(i).item(), predictions.get(i)));
                    }
                }
                if (pending.size() >= settings.storeBatch() || (!more && !pending.isEmpty())) {
                    sink.store(List.copyOf(pending));
                    processed += pending.size();
                    pending.clear();
                    progress.step(processed + failures.size());
                }
            }
            progress.finish();
            return new Stats(processed, failures, (System.nanoTime() - start) / 1e9);
        } finally {
            feeder.interrupt();
            decoders.shutdownNow();
        }
    }

    private static Object take(BlockingQueue<Object> ready) {
        try {
            return ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnotaException("pre-labelling was interrupted", e);
        }
    }

    /** Submits every item to the decoders (waiting for a free slot), then marks the end once all are decoded. */
    private static void feed(Predictor predictor, Iterator<Item> items, ExecutorService decoders, Semaphore slots,
                             BlockingQueue<Object> ready, boolean reduced) {
        try {
            while (items.hasNext()) {
                Item item = items.next();
                slots.acquire();
                decoders.execute(() -> offer(ready, decode(predictor, item, reduced)));
            }
            decoders.shutdown();
            decoders.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
            ready.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            offer(ready, new Broken(e));
            offer(ready, END);
        }
    }

    private static Object decode(Predictor predictor, Item item, boolean reduced) {
        try {
            byte[] bytes = Files.readAllBytes(item.file());
            String source = "image " + item.imageId();
            return new Ready(item, reduced ? predictor.prepareEncoded(bytes, source) : predictor.prepare(ImageDecoder.decode(bytes, source)));
        } catch (IOException e) {
            return new Failure(item.imageId(), "cannot read " + item.file().getFileName() + ": " + e.getMessage());
        } catch (AnnotaException e) {
            return new Failure(item.imageId(), e.getMessage());
        } catch (RuntimeException e) {
            return new Failure(item.imageId(), "cannot decode: " + e);
        }
    }

    private static void offer(BlockingQueue<Object> ready, Object o) {
        try {
            ready.put(o);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
