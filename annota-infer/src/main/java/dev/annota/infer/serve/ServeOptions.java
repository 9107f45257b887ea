package dev.annota.infer.serve;

import dev.annota.core.error.ValidationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ModelServer} listens and batches.
 *
 * @param host          address to bind ({@code 127.0.0.1}, {@code 0.0.0.0}, a host name)
 * @param port          TCP port; 0 picks a free one
 * @param maxBatch      at most this many queued images in one run (models with a dynamic batch axis)
 * @param maxDelay      how long the first image of a batch waits for others to join it
 * @param runners       threads that take work from the queue and run the model; 0 chooses (1 for a batching
 *                      model, which uses every core in one run; 2 for a fixed-batch model, one image each)
 * @param workers       HTTP request threads, which read, decode and preprocess in parallel with inference
 * @param queueCapacity images that may wait for the model before requests are turned away with 503
 * @param maxBodyBytes  largest request body accepted (413 above it)
 * @param maxPixels     largest image accepted, by its header's width × height, before decoding (413 above it)
 */
public record ServeOptions(String host, int port, int maxBatch, Duration maxDelay, int runners, int workers,
        int queueCapacity, long maxBodyBytes, long maxPixels) {
    public ServeOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(maxDelay, "maxDelay");
        check("port", port, 0, 65535);
        check("max_batch", maxBatch, 1, 4096);
        check("runners", runners, 0, 256);
        check("workers", workers, 1, 4096);
        check("queue_capacity", queueCapacity, 1, 1_000_000);
        if (maxDelay.isNegative() || maxDelay.compareTo(Duration.ofSeconds(10)) > 0) {
            throw ValidationException.of("max_delay_ms", maxDelay.toMillis(), "expected 0 to 10000 milliseconds");
        }
        if (maxBodyBytes < 1) {
            throw ValidationException.of("max_bytes", maxBodyBytes, "expected a positive number of bytes");
        }
        if (maxPixels < 1) {
            throw ValidationException.of("max_pixels", maxPixels, "expected a positive number of pixels");
        }
    }

    private static void check(String field, long v, long min, long max) {
        if (v < min || v > max) {
            throw ValidationException.of(field, v, "expected " + min + " to " + max);
        }
    }

    /** Loopback, port 8090, batches of up to 8 within 5 ms, 32 request threads, 32 MiB bodies, 50 M pixels. */
    public static ServeOptions defaults() {
        return new ServeOptions("127.0.0.1", 8090, 8, Duration.ofMillis(5), 0, 32, 1024, 32L << 20, 50_000_000L);
    }

    public ServeOptions withHost(String h) {
        return new ServeOptions(h, port, maxBatch, maxDelay, runners, workers, queueCapacity, maxBodyBytes, maxPixels);
    }

    public ServeOptions withPort(int p) {
        return new ServeOptions(host, p, maxBatch, maxDelay, runners, workers, queueCapacity, maxBodyBytes, maxPixels);
    }

    public ServeOptions withBatching(int batch, Duration delay) {
        return new ServeOptions(host, port, batch, delay, runners, workers, queueCapacity, maxBodyBytes, maxPixels);
    }

    public ServeOptions withRunners(int r) {
        return new ServeOptions(host, port, maxBatch, maxDelay, r, workers, queueCapacity, maxBodyBytes, maxPixels);
    }

    public ServeOptions withWorkers(int w) {
        return new ServeOptions(host, port, maxBatch, maxDelay, runners, w, queueCapacity, maxBodyBytes, maxPixels);
    }

    public ServeOptions withLimits(long bodyBytes, long pixels) {
        return new ServeOptions(host, port, maxBatch, maxDelay, runners, workers, queueCapacity, bodyBytes, pixels);
    }
}
