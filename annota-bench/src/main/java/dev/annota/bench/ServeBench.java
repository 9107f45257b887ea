package dev.annota.bench;

import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.image.ImageDecoder;
import dev.annota.infer.serve.ModelServer;
import dev.annota.infer.serve.ServeOptions;
import dev.annota.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code serve-model}: 16 concurrent HTTP clients post the shared JPEG photos to {@link ModelServer} with
 * SqueezeNet for N seconds (default 60; {@code BenchMain serve-model --seconds N});
 * the baseline, measured in the same run with the same {@link Predictor}, is the in-process pipeline (decode →
 * preprocess → infer → postprocess) on 16 threads for the same time. {@code speedup} is served throughput
 * over in-process throughput. Each phase starts with 5 s of warm-up that is not counted.
 */
final class ServeBench {
    static final int CLIENTS = 16;
    static final int WARMUP_SECONDS = 5;

    private ServeBench() {
    }

    static BenchResult run(double secondsPerPhase) {
        int seconds = (int) Math.max(1, Math.round(secondsPerPhase));
        Path model = SharedData.resolve("models/squeezenet1.1")
                .orElseThrow(() -> new IllegalStateException("serve-model needs ../shared/models/squeezenet1.1"));
        List<byte[]> photos = photos();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        try (Predictor predictor = Predictor.load(model, new PredictorOptions(1, 8))) {
            Phase inProcess = inProcess(predictor, photos, seconds);
            Phase served;
            try (ModelServer server = ModelServer.start(predictor, ServeOptions.defaults().withPort(0))) {
                if (!server.awaitReady(120_000)) {
                    throw new IllegalStateException("the server did not become ready");
                }
                served = served(server.uri(), photos, seconds);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("model", "squeezenet1.1 (fixed batch 1: 2 runners, 1 ONNX Runtime thread each)");
            d.put("clients", CLIENTS);
            d.put("seconds_per_phase", seconds);
            d.put("photos", photos.size());
            d.put("load_average_at_start", load);
            d.put("served_images_per_s", served.perSecond());
            d.put("served_p50_ms", served.quantileMs(0.5));
            d.put("served_p99_ms", served.quantileMs(0.99));
            d.put("served_errors", served.errors);
            d.put("in_process_images_per_s", inProcess.perSecond());
            d.put("in_process_p50_ms", inProcess.quantileMs(0.5));
            d.put("in_process_p99_ms", inProcess.quantileMs(0.99));
            d.put("ratio_served_to_in_process", served.perSecond() / inProcess.perSecond());
            return new BenchResult("serve-model", "seconds per image (1 / throughput), " + CLIENTS + " clients",
                    "in-process decode+predict on " + CLIENTS + " threads, same Predictor", 1 / served.perSecond(),
                    1 / inProcess.perSecond(), d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the server", e);
        }
    }

    private static List<byte[]> photos() {
        Path dir = SharedData.resolve("images/photos").orElseThrow(() -> new IllegalStateException("serve-model needs ../shared/images/photos"));
        try (Stream<Path> files = Files.list(dir)) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : files.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What one phase measured: latencies of the counted requests, the counted time, failures. */
    private record Phase(long[] latencies, double seconds, long errors) {
        double perSecond() {
            return latencies.length / seconds;
        }

        double quantileMs(double q) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
        }
    }

    @FunctionalInterface
    private interface Call {
        boolean run(byte[] photo) throws Exception;
    }

    /** {@link #CLIENTS} threads call {@code call} back to back for warm-up plus {@code seconds}. */
    private static Phase measure(List<byte[]> photos, int seconds, Call call) {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
        long end = start + seconds * 1_000_000_000L;
        try {
            List<Future<long[]>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int offset = c;
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1024];
                    int n = 0;
                    long errors = 0;
                    for (int i = offset; ; i++) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        boolean ok = call.run(photos.get(i % photos.size()));
                        long t1 = System.nanoTime();
                        if (t0 >= start && t1 <= end) {
                            if (!ok) {
                                errors++;
                                continue;
                            }
                            if (n == lat.length) {
                                lat = Arrays.copyOf(lat, n * 2);
                            }
                            lat[n++] = t1 - t0;
                        }
                    }
                    long[] out = Arrays.copyOf(lat, n + 1);
                    out[n] = errors;
                    return out;
                }));
            }
            long[] all = new long[0];
            long errors = 0;
            for (Future<long[]> f : futures) {
                long[] r = f.get();
                errors += r[r.length - 1];
                int at = all.length;
                all = Arrays.copyOf(all, at + r.length - 1);
                System.arraycopy(r, 0, all, at, r.length - 1);
            }
            return new Phase(all, seconds, errors);
        } catch (Exception e) {
            throw new IllegalStateException("the serve-model benchmark failed: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Phase inProcess(Predictor predictor, List<byte[]> photos, int seconds) {
        return measure(photos, seconds, photo -> {
            predictor.predict(ImageDecoder.decode(photo, "photo"));
            return true;
        });
    }

    private static Phase served(URI base, List<byte[]> photos, int seconds) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI predict = base.resolve("/v1/predict");
        return measure(photos, seconds, photo -> {
            HttpRequest r = HttpRequest.newBuilder(predict).header("Content-Type", "image/jpeg").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(photo)).build();
            return client.send(r, HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        });
    }
}
