package dev.annota.infer.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.annota.infer.Prediction;
import dev.annota.infer.PredictionJson;
import dev.annota.infer.Predictor;
import dev.annota.infer.PreparedImage;
import dev.annota.infer.descriptor.InputSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lean HTTP inference server over one {@link Predictor}, on the JDK's {@code com.sun.net.httpserver}: no
 * database, nothing but annota-infer. {@code POST /v1/predict} takes one image (JPEG, PNG, … as
 * {@code application/octet-stream} or {@code image/*}) or several ({@code multipart/form-data}) and answers
 * in the JSON shape of {@code annota predict --json} ({@link PredictionJson}); {@code GET /health},
 * {@code GET /ready} and {@code GET /metrics} (Prometheus text, or JSON with {@code ?format=json}) report on it.
 * Request threads read, decode and preprocess; a {@link Batcher} runs the model, batching concurrent requests
 * when the model's batch axis is dynamic. The caller owns the predictor and closes it after the server.
 */
public final class ModelServer implements AutoCloseable {
    static final String PREDICT = "/v1/predict";
    private static final Set<String> PATHS = Set.of(PREDICT, "/health", "/ready", "/metrics");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** How long {@link #close} lets requests in flight finish. */
    private static final int GRACE_SECONDS = 30;
    /** How much of an oversized body is read and dropped so the client sees the 413 instead of a reset. */
    private static final long DRAIN_BYTES = 64L << 20;

    private final Predictor predictor;
    private final ServeOptions options;
    private final Batcher batcher;
    private final ServeMetrics metrics;
    private final ExecutorService workers;
    private final HttpServer http;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean draining;
    private volatile String notReadyReason = "warming up";

    private ModelServer(Predictor predictor, ServeOptions options) throws IOException {
        this.predictor = predictor;
        this.options = options;
        int runners = options.runners() > 0 ? options.runners() : predictor.batches() ? 1 : 2;
        this.batcher = new Batcher(predictor, options.maxBatch(), options.maxDelay().toNanos(), runners, options.queueCapacity());
        this.metrics = new ServeMetrics(predictor.model().name(), predictor.model().source(), predictor.batches(),
                predictor.batches() ? options.maxBatch() : 1, batcher::depth);
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(options.workers(), r -> {
            Thread t = new Thread(r, "annota-serve-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 256);
        http.setExecutor(workers);
        http.createContext("/", this::handle);
    }

    /**
     * Binds, starts serving and warms the model up in the background ({@code /ready} answers 200 once done).
     *
     * @throws IOException when the address cannot be bound
     */
    public static ModelServer start(Predictor predictor, ServeOptions options) throws IOException {
        ModelServer s = new ModelServer(predictor, options);
        s.batcher.start(s.metrics);
        s.http.start();
        Thread warm = new Thread(s::warmUp, "annota-serve-warmup");
        warm.setDaemon(true);
        warm.start();
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://host:port} as bound. */
    public URI uri() {
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        return URI.create("http://" + host + ":" + port());
    }

    public boolean ready() {
        return ready;
    }

    public ServeMetrics metrics() {
        return metrics;
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Waits until ready (warm-up done) or {@code millis} have passed; true when ready. */
    public boolean awaitReady(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!ready && System.currentTimeMillis() < end) {
            Thread.sleep(10);
        }
        return ready;
    }

    private void warmUp() {
        InputSpec in = predictor.model().descriptor().input();
        int[] gray = new int[in.width() * in.height()];
        Arrays.fill(gray, 0x808080);
        try {
            predictor.predictPrepared(List.of(predictor.prepare(new dev.annota.infer.image.RgbImage(in.width(), in.height(), gray))));
            if (!draining) {
                ready = true;
                metrics.ready(true);
            }
        } catch (RuntimeException e) {
            notReadyReason = "the warm-up run failed: " + e.getMessage();
        }
    }

    private void handle(HttpExchange ex) {
        long t0 = System.nanoTime();
        String path = ex.getRequestURI().getPath();
        metrics.enter();
        int status = 500;
        int images = 0;
        try {
            Response r = route(ex, path);
            images = r.images;
            status = send(ex, r.status, r.contentType, r.body);
        } catch (Problem p) {
            status = problem(ex, p);
        } catch (IOException e) {
            status = 499; // the client went away; nothing can be sent
        } catch (RuntimeException e) {
            status = problem(ex, new Problem(500, "internal", "Internal error", e.toString()));
        } finally {
            metrics.leave();
            metrics.request(PATHS.contains(path) ? path : "other", status);
            if (status == 200 && path.equals(PREDICT)) {
                metrics.predicted(System.nanoTime() - t0, images);
            }
            ex.close();
        }
    }

    private record Response(int status, String contentType, byte[] body, int images) {
        static Response json(int status, Object node, int images) {
            try {
                return new Response(status, "application/json", MAPPER.writeValueAsBytes(node), images);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private Response route(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        switch (path) {
            case PREDICT -> {
                allow(method, path, "POST");
                return predict(ex);
            }
            case "/health" -> {
                allow(method, path, "GET");
                return Response.json(200, MAPPER.createObjectNode().put("status", "ok"), 0);
            }
            case "/ready" -> {
                allow(method, path, "GET");
                ObjectNode o = MAPPER.createObjectNode().put("status", ready ? "ready" : draining ? "shutting down" : notReadyReason)
                        .put("model", predictor.model().name());
                return Response.json(ready ? 200 : 503, o, 0);
            }
            case "/metrics" -> {
                allow(method, path, "GET");
                String query = ex.getRequestURI().getRawQuery();
                String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
                if ("format=json".equals(query) || accept.startsWith("application/json")) {
                    return Response.json(200, metrics.json(), 0);
                }
                return new Response(200, "text/plain; version=0.0.4; charset=utf-8",
                        metrics.prometheus().getBytes(StandardCharsets.UTF_8), 0);
            }
            default -> throw Problem.notFound(path);
        }
    }

    private static void allow(String method, String path, String allowed) {
        if (!method.equals(allowed)) {
            throw Problem.methodNotAllowed(method, path, allowed);
        }
    }

    private Response predict(HttpExchange ex) throws IOException {
        if (draining) {
            throw Problem.unavailable("shutting-down", "the server is shutting down");
        }
        PredictRequest req = PredictRequest.read(ex, options.maxBodyBytes(), DRAIN_BYTES, predictor.model().descriptor().postprocess());
        // decode and preprocess here, on the request thread, while the runners keep the model busy
        List<String> names = new ArrayList<>();
        List<PreparedImage> prepared = new ArrayList<>();
        long pixelBudget = options.maxPixels();
        for (PredictRequest.Upload u : req.uploads()) {
            var image = PredictRequest.decode(u, pixelBudget, options.maxPixels());
            pixelBudget -= image.size().pixels();
            names.add(u.name());
            prepared.add(predictor.prepare(image, req.postprocess()));
        }
        List<CompletableFuture<Prediction>> futures = new ArrayList<>();
        for (PreparedImage p : prepared) {
            futures.add(batcher.submit(p));
        }
        List<Prediction> predictions = new ArrayList<>();
        for (CompletableFuture<Prediction> f : futures) {
            predictions.add(await(f));
        }
        return Response.json(200, PredictionJson.results(names, predictions, predictor.model().descriptor().task()), names.size());
    }

    private static Prediction await(CompletableFuture<Prediction> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Problem.unavailable("shutting-down", "interrupted while waiting for the model");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Problem p) {
                throw p;
            }
            throw new Problem(500, "model-failed", "The model failed", String.valueOf(e.getCause().getMessage()));
        }
    }

    private static int send(HttpExchange ex, int status, String contentType, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
        return status;
    }

    /** The one place a refusal is rendered: problem JSON with the status, and {@code Allow} for a 405. */
    private static int problem(HttpExchange ex, Problem p) {
        ObjectNode o = MAPPER.createObjectNode().put("type", "/problems/" + p.kind).put("title", p.title)
                .put("status", p.status).put("detail", p.getMessage());
        try {
            if (p.status == 405) {
                ex.getResponseHeaders().set("Allow", p.getMessage().substring(p.getMessage().lastIndexOf(' ') + 1));
            }
            if (p.status == 503) {
                ex.getResponseHeaders().set("Retry-After", "1");
            }
            return send(ex, p.status, "application/problem+json", MAPPER.writeValueAsBytes(o));
        } catch (IOException | RuntimeException e) {
            return p.status; // headers already sent or the client is gone
        }
    }

    /** Drains the body of a refused request (up to a cap) so the client reads the answer, not a reset. */
    static void drain(InputStream in, long cap) {
        try {
            byte[] buf = new byte[65536];
            long total = 0;
            for (int n; total < cap && (n = in.read(buf)) > 0; ) {
                total += n;
            }
        } catch (IOException e) {
            // the client stopped sending; the answer goes out anyway
        }
    }

    /**
     * Stops taking connections and requests (new predictions get 503 while draining), lets the requests in
     * flight finish (up to 30 s), runs what is queued, and stops. Does not close the predictor.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        draining = true;
        ready = false;
        metrics.ready(false);
        try {
            http.stop(GRACE_SECONDS);
            batcher.close();
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
    }
}
