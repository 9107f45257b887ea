package dev.annota.cli.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.annota.store.Database;
import dev.annota.store.Dialect;
import dev.annota.store.TestDatabases;
import dev.annota.testkit.shapes.ShapesConfig;
import dev.annota.testkit.shapes.ShapesDataset;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kill -9 of {@code annota serve} while clients save annotation sets: several rounds of writers (more writers
 * than images, so saves also conflict) and a SIGKILL at a random moment; after each restart on the same data,
 * every acknowledged save is in its image's history with exactly the content sent, the current set is the
 * newest version, versions run 1..current, and no row points at nothing.
 */
class AnnotationWriteCrashTest {
    private static final int WRITERS = 6;
    private static final int IMAGES = 3;
    private static final int ROUNDS = 3;
    private static final int BOXES = 10;
    private static final int MIN_ACKS = 5;

    static Stream<Dialect> dialects() {
        return TestDatabases.dialects();
    }

    /** A save the server acknowledged: the version it answered and the boxes sent and answered. */
    record Ack(String imageId, long version, String sent, String answered) {
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_acknowledged_save_survives_a_kill_during_concurrent_writes(Dialect dialect) throws Exception {
        CrashTarget target = CrashTarget.fresh(dialect);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<Ack> acks = new ArrayList<>();
        List<String> images;
        int label;
        ServerProcess server = serve(target);
        ApiClient api = ApiClient.admin(server.api());
        try {
            JsonNode project = ApiClient.check(api.post("/projects", "{\"name\":\"crash\",\"schema\":{\"classes\":[{\"name\":\"thing\"}]}}"), 201).json();
            label = project.at("/schema/classes/0/id").asInt();
            images = upload(api, project.get("id").asText());
        } catch (RuntimeException | IOException e) {
            server.kill();
            throw e;
        }
        for (int round = 1; round <= ROUNDS; round++) {
            int killAfterMs = random.nextInt(800);
            List<Ack> acked = writeUntilKilled(server, api, images, label, killAfterMs, round);
            assertTrue(acked.size() >= MIN_ACKS, "round " + round + " (seed " + seed + "): some saves were acknowledged before the kill\n" + server.log());
            acks.addAll(acked);
            server = serve(target);
            api = api.at(server.api());
            try {
                verify(target, api, images, acks, "round " + round + ", killed " + killAfterMs + " ms after " + MIN_ACKS + " saves, seed " + seed);
            } catch (AssertionError | RuntimeException e) {
                server.kill();
                throw e;
            }
        }
        server.kill();
    }

    private static ServerProcess serve(CrashTarget target) {
        List<String> args = new ArrayList<>(List.of("serve"));
        args.addAll(target.serverOptions());
        return ServerProcess.start(target.logs(), "dev.annota.cli.AnnotaCli", args);
    }

    private static List<String> upload(ApiClient api, String projectId) throws IOException {
        ShapesDataset shapes = new ShapesDataset(ShapesConfig.defaults(160, 120), 11, IMAGES);
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < IMAGES; i++) {
            Path f = Files.createTempFile("crash-", ".png");
            shapes.sample(i).scene().writePng(f);
            files.put("shape_" + i + ".png", Files.readAllBytes(f));
            Files.delete(f);
        }
        JsonNode added = ApiClient.check(api.upload("/projects/" + projectId + "/images", files), 200).json().get("added");
        List<String> ids = new ArrayList<>();
        added.forEach(a -> ids.add(a.get("image_id").asText()));
        assertEquals(IMAGES, ids.size(), added.toString());
        return ids;
    }

    /**
     * Runs the writers, kills the server {@code killAfterMs} after the first {@value #MIN_ACKS} saves were
     * acknowledged (so every round has some to check), and returns every save it acknowledged.
     */
    private static List<Ack> writeUntilKilled(ServerProcess server, ApiClient api, List<String> images, int label, int killAfterMs,
                                              int round) throws InterruptedException, IOException {
        Map<String, Long> known = new ConcurrentHashMap<>();
        for (String id : images) {
            known.put(id, api.get("/images/" + id + "/annotations").json().get("version").asLong());
        }
        Queue<Ack> acks = new ConcurrentLinkedQueue<>();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread t = new Thread(() -> {
                try {
                    write(api, images, label, round * 100 + writer, known, acks, killed);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(e);
                }
            }, "writer-" + w);
            threads.add(t);
            t.start();
        }
        long giveUp = System.nanoTime() + 30_000_000_000L;
        while (acks.size() < MIN_ACKS && failures.isEmpty() && System.nanoTime() < giveUp) {
            Thread.sleep(2);
        }
        Thread.sleep(killAfterMs);
        killed.set(true);
        server.kill();
        for (Thread t : threads) {
            t.join(60_000);
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("a writer failed before the kill: " + failures.peek() + "\n" + server.log());
            failures.forEach(e::addSuppressed);
            throw e;
        }
        return new ArrayList<>(acks);
    }

    /** Saves 10 boxes unique to (writer, sequence) to random images until the server stops answering. */
    private static void write(ApiClient api, List<String> images, int label, int writer, Map<String, Long> known,
                              Queue<Ack> acks, AtomicBoolean killed) {
        Random random = new Random(writer);
        for (int seq = 0; ; seq++) {
            String image = images.get(random.nextInt(images.size()));
            StringBuilder body = new StringBuilder("{\"version\":").append(known.get(image)).append(",\"annotations\":[");
            List<List<Double>> boxes = new ArrayList<>();
            for (int b = 0; b < BOXES; b++) {
                List<Double> box = List.of((double) (writer % 100), (double) b * 5, 1.0 + seq % 50, 1.0 + (seq / 50) % 50);
                boxes.add(box);
                body.append(b == 0 ? "" : ",").append("{\"kind\":\"box\",\"label\":").append(label).append(",\"box\":[")
                        .append(box.get(0)).append(',').append(box.get(1)).append(',').append(box.get(2)).append(',').append(box.get(3)).append("]}");
            }
            body.append("]}");
            ApiClient.Reply r;
            try {
                r = api.put("/images/" + image + "/annotations", body.toString());
            } catch (IOException e) {
                if (killed.get()) {
                    return;
                }
                throw new UncheckedIOException("the server failed a save before it was killed", e);
            }
            if (r.status() == 200) {
                long v = r.json().get("version").asLong();
                acks.add(new Ack(image, v, boxes.toString(), boxes(r.json().get("annotations"))));
                known.merge(image, v, Math::max);
            } else if (r.status() == 409) {
                known.merge(image, r.json().at("/current/version").asLong(), Math::max);
            } else {
                throw new AssertionError("save answered " + r.status() + ": " + r.text());
            }
        }
    }

    private static void verify(CrashTarget target, ApiClient api, List<String> images, List<Ack> acks, String where) throws IOException {
        try (Database db = target.open()) {
            List<String> bad = new ArrayList<>(new StoreInvariants(db).database());
            Map<String, String> history = new HashMap<>();
            Map<String, Long> newest = new HashMap<>();
            db.jdbi().useHandle(h -> h.createQuery("SELECT image_id, version, annotations_json FROM annotation_history").map((rs, ctx) -> {
                history.put(rs.getString(1) + "@" + rs.getLong(2), boxes(parse(rs.getString(3))));
                newest.merge(rs.getString(1), rs.getLong(2), Math::max);
                return 0;
            }).list());
            for (Ack a : acks) {
                if (!a.sent().equals(a.answered())) {
                    bad.add("the reply to a save of image " + a.imageId() + " as version " + a.version() + " described another save: "
                            + a.answered() + " instead of " + a.sent());
                }
                String stored = history.get(a.imageId() + "@" + a.version());
                if (stored == null) {
                    bad.add("acknowledged version " + a.version() + " of image " + a.imageId() + " is lost");
                } else if (!stored.equals(a.sent())) {
                    bad.add("acknowledged version " + a.version() + " of image " + a.imageId() + " holds " + stored + " instead of " + a.sent());
                }
            }
            for (String id : images) {
                long current = ApiClient.check(api.get("/images/" + id + "/annotations"), 200).json().get("version").asLong();
                assertEquals(newest.getOrDefault(id, 0L), current, where + ": the served version of " + id + " is the newest saved");
            }
            assertTrue(bad.isEmpty(), where + ": " + bad.size() + " violations, first: " + bad.subList(0, Math.min(5, bad.size())));
        }
    }

    /** The boxes of an annotation array, in order, as {@code [[x, y, w, h], ...]}. */
    static String boxes(JsonNode annotations) {
        List<List<Double>> out = new ArrayList<>();
        for (JsonNode a : annotations) {
            List<Double> box = new ArrayList<>();
            a.get("box").forEach(n -> box.add(n.asDouble()));
            out.add(box);
        }
        return out.toString();
    }

    private static JsonNode parse(String json) {
        try {
            return ApiClient.JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
