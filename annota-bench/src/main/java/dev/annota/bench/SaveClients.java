package dev.annota.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Concurrent API clients that only save: each thread PUTs an annotation set to a random image with the version
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

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI api;
    private final String token;
    private final List<String> images;
    private final SavePayloads payloads;
    private final ConcurrentHashMap<String, Long> versions = new ConcurrentHashMap<>();

    SaveClients(URI api, String token, List<String> images, SavePayloads payloads) {
        this.api = api;
        this.token = token;
        this.images = List.copyOf(images);
        this.payloads = payloads;
        images.forEach(id -> versions.put(id, 0L));
    }

    /** {@code clients} threads saving for {@code seconds}; requests of a warm-up run first are not counted. */
    Outcome run(int clients, double seconds, long seed) throws InterruptedException {
        AtomicLong saves = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Latencies> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            SplittableRandom random = new SplittableRandom(seed * 1_000 + c);
            Thread t = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    String image = images.get(random.nextInt(images.size()));
                    long t0 = System.nanoTime();
                    int status = save(image, random.nextInt());
                    mine.record(System.nanoTime() - t0);
                    (status == 200 ? saves : status == 409 ? conflicts : errors).incrementAndGet();
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
    private int save(String image, int variant) {
        long version = versions.get(image);
        String body = "{\"version\":" + version + ",\"annotations\":" + payloads.get(variant).requestArray() + "}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/images/" + image + "/annotations"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
                versions.merge(image, versionOf(JSON.readTree(r.body())), Math::max);
            } else if (r.statusCode() == 409) {
                versions.merge(image, versionOf(JSON.readTree(r.body()).path("current")), Math::max);
            }
            return r.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long versionOf(JsonNode set) {
        return set.path("version").asLong();
    }
}
