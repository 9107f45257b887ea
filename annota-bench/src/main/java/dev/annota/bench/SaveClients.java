package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Concurrent API clients that only save, each on its own keep-alive connection ({@link LeanHttp}): each thread PUTs an annotation set to a random image with the version
 * it last saw for that image (versions are shared by all clients, as one script's cache would be; no GET
 * before a save). A 409 updates the version from the conflict's {@code current} and counts as a conflict (the
 * next save retries); anything else but 200 counts as an error. Every request's latency is recorded.
 */
final class SaveClients {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run did: saves acknowledged, conflicts, errors, wall seconds, and the latency of every request. */
    record Outcome(long saves, long conflicts, long errors, double seconds, Latencies.Summary latency) {
        double throughput() {
            return saves / seconds;
        }
    }

    private final URI api;
    private final String headers;
    private final List<String> images;
    private final SavePayloads payloads;
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();

    SaveClients(URI api, String token, List<String> images, SavePayloads payloads) {
        this.api = api;
        this.headers = "Content-Type: application/json\r\nAuthorization: Bearer " + token + "\r\n";
        this.images = List.copyOf(images);
        this.payloads = payloads;
        images.forEach(id -> versions.put(id, 0L));
    }

    /** {@code clients} threads saving for {@code seconds}. */
    Outcome run(int clients, double seconds, long seed) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        return run(clients, () -> System.nanoTime() < deadline, seed);
    }

    /** {@code clients} threads saving while {@code going} says so. */
    Outcome run(int clients, BooleanSupplier going, long seed) throws InterruptedException {
        AtomicLong saves = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            SplittableRandom random = new SplittableRandom(seed * 1_000 + c);
            Thread t = new Thread(() -> {
                try (LeanHttp http = new LeanHttp(api)) {
                    while (going.getAsBoolean()) {
                        String image = images.get(random.nextInt(images.size()));
                        long t0 = System.nanoTime();
                        int status = save(http, image, random.nextInt());
                        mine.record(System.nanoTime() - t0);
                        (status == 200 ? saves : status == 409 ? conflicts : errors).incrementAndGet();
                    }
                }
            }, "save-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Outcome(saves.get(), conflicts.get(), errors.get(), elapsed, Latencies.merge(latencies));
    }

    /** One PUT; returns its status (0 when the request failed without one). */
    private int save(LeanHttp http, String image, int variant) {
        long version = versions.get(image);
        String body = "{\"version\":" + version + ",\"annotations\":" + payloads.get(variant).requestArray() + "}";
        try {
            LeanHttp.Response r = http.send("PUT", api.getPath() + "/images/" + image + "/annotations", headers,
                    body.getBytes(StandardCharsets.UTF_8));
            if (r.status() == 200) {
                versions.merge(image, versionOf(JSON.readTree(r.body())), Math::max);
            } else if (r.status() == 409) {
                versions.merge(image, versionOf(JSON.readTree(r.body()).path("current")), Math::max);
            }
            return r.status();
        } catch (IOException e) {
            http.close();
            return 0;
        }
    }

    private static long versionOf(JsonNode set) {
        return set.path("version").asLong();
    }
}
