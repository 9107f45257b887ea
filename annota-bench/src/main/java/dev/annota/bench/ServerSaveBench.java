package dev.annota.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.schema.LabelSchema;
import dev.annota.server.AnnotaServer;
import dev.annota.server.ServerConfig;
import dev.annota.store.projects.Project;
import dev.annota.store.projects.Projects;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Concurrent annotation saves through the real server: for SQLite and for PostgreSQL, a server on port 0 in this
 * JVM, a project with {@code images} images, and {@code clients} API clients ({@link SaveClientsChild}, a separate
 * JVM with lean keep-alive connections) saving sets of 10 boxes for {@code seconds} after an uncounted warm-up
 * (a third of the run but at most 20 s, then on until the JIT compilers are nearly done, up to three times that); then the baseline, raw JDBC writing the set and history rows of a save in one
 * transaction each, from {@code clients} threads for as long on the same database and pool (the server stopped,
 * with the same warm-up). Reports saves per second, p50/p99/max latency, conflicts, errors, the raw saves per
 * second and {@code ratio = throughput / raw}, the CPU per save of the server process and of the clients' process
 * separately (the load-independent figures on a shared machine), the wall time the JIT compilers spent, and the
 * load average at the start and end of the measured server run and at the end of the raw run.
 */
final class ServerSaveBench {
    static final int CLIENTS = 32;
    static final int IMAGES = 2_000;
    private static final String PASSWORD = "bench-admin-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServerSaveBench() {
    }

    static BenchResult run(double seconds) {
        return run(List.of("sqlite", "postgresql"), seconds, CLIENTS, IMAGES);
    }

    static BenchResult run(List<String> databases, double seconds, int clients, int images) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clients", clients);
        details.put("images", images);
        details.put("boxes_per_set", SavePayloads.BOXES);
        details.put("seconds", seconds);
        double warmUp = Math.min(20, seconds / 3);
        details.put("warm_up_seconds", warmUp);
        Map<String, Object> first = null;
        for (String name : databases) {
            Map<String, Object> one = measure(name, seconds, warmUp, clients, images);
            details.put(name, one);
            first = first == null ? one : first;
        }
        double ours = 1 / (double) first.get("throughput_per_s");
        double raw = 1 / (double) first.get("raw_throughput_per_s");
        return new BenchResult("server-save", "seconds per acknowledged save (" + databases.get(0) + "), " + clients
                + " concurrent API clients, sets of " + SavePayloads.BOXES + " boxes",
                "raw JDBC: the same annotation_sets update + annotation_history insert per transaction, same threads, same database and pool",
                ours, raw, details);
    }

    private static Map<String, Object> measure(String name, double seconds, double warmUp, int clients, int imageCount) {
        System.err.println("server-save: " + name + " ...");
        try (BenchDatabase db = BenchDatabase.start(name)) {
            Project project = new Projects(db.database()).create("bench", "", LabelSchema.of("thing"));
            int label = project.schema().classes().get(0).id().value();
            List<String> images = insertImages(db, project.id(), imageCount);
            SavePayloads payloads = new SavePayloads(label, 7);
            JsonNode outcome;
            double serverCpu;
            long serverJit;
            double[] load = new double[3];
            double[] warmed = new double[1];
            try (AnnotaServer server = AnnotaServer.create(ServerConfig.of(db.dataDir(), 0), db.database()).start()) {
                server.context().auth().firstAdmin().ensure(Optional.of(PASSWORD));
                Path imageFile = db.dataDir().resolve("bench-images.txt");
                Files.write(imageFile, images);
                Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                        SaveClientsChild.class.getName(), server.apiUrl().toString(), token(server.apiUrl()), imageFile.toString(),
                        Integer.toString(label), Integer.toString(clients), Double.toString(seconds)))
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    warmed[0] = warmUp(warmUp, 3 * warmUp);
                    child.getOutputStream().write('\n');
                    child.getOutputStream().flush();
                    expectLine(out, SaveClientsChild.MEASURING);
                    load[0] = loadAverage();
                    long cpu0 = processCpuNanos();
                    long jit0 = jitMillis();
                    outcome = JSON.readTree(expectLine(out, "{"));
                    serverCpu = (processCpuNanos() - cpu0) / 1e6;
                    serverJit = jitMillis() - jit0;
                    load[1] = loadAverage();
                } finally {
                    child.destroy();
                    child.waitFor();
                }
            }
            RawSaves raw = new RawSaves(db, images, payloads);
            raw.run(clients, warmUp, 3);
            long cpu0 = processCpuNanos();
            double rawThroughput = raw.run(clients, seconds, 4);
            double rawCpu = (processCpuNanos() - cpu0) / 1e6;
            load[2] = loadAverage();
            long saves = outcome.get("saves").asLong();
            double throughput = saves / outcome.get("seconds").asDouble();
            checkHistory(db);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("throughput_per_s", throughput);
            r.put("p50_ms", outcome.get("p50_ms").asDouble());
            r.put("p99_ms", outcome.get("p99_ms").asDouble());
            r.put("max_ms", outcome.get("max_ms").asDouble());
            r.put("saves", saves);
            r.put("conflicts", outcome.get("conflicts").asLong());
            r.put("errors", outcome.get("errors").asLong());
            r.put("raw_throughput_per_s", rawThroughput);
            r.put("raw_threads", clients);
            r.put("ratio", throughput / rawThroughput);
            r.put("server_cpu_ms_per_save", serverCpu / Math.max(1, saves));
            r.put("client_cpu_ms_per_save", outcome.get("cpu_ms").asDouble() / Math.max(1, saves));
            r.put("raw_cpu_ms_per_save", rawCpu / Math.max(1, rawThroughput * seconds));
            r.put("jit_wall_ms_per_save", serverJit / (double) Math.max(1, saves));
            r.put("load_average", List.of(load[0], load[1], load[2]));
            r.put("server_warm_up_s", warmed[0]);
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("server-save on " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Lets the clients' warm-up run at least {@code min} seconds and then until the JIT compilers are nearly done
     * (under 10 % of the wall time spent compiling over the last 5 s), at most {@code max} seconds; returns how long
     * it ran. On a loaded machine the compilers get little CPU, and a fixed warm-up would measure them.
     */
    private static double warmUp(double min, double max) throws InterruptedException {
        long t0 = System.nanoTime();
        Thread.sleep((long) (min * 1000));
        long jit = jitMillis();
        while ((System.nanoTime() - t0) / 1e9 + 5 <= max) {
            Thread.sleep(5_000);
            long now = jitMillis();
            if (now - jit < 500) {
                break;
            }
            jit = now;
        }
        return Math.round((System.nanoTime() - t0) / 1e8) / 10.0;
    }

    /** Reads lines of the clients' output until one starting with {@code prefix}; fails when they end first. */
    private static String expectLine(BufferedReader out, String prefix) throws IOException {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(prefix)) {
                return line;
            }
        }
        throw new IOException("the save clients ended without printing a line starting with " + prefix);
    }

    /** The system's one-minute load average (the machine is shared: each figure is reported with it). */
    private static double loadAverage() {
        return Math.round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    /** CPU time of this whole process (server, clients and database driver together), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Wall time the JIT compilers spent so far, in milliseconds (0 where the JVM does not say). */
    private static long jitMillis() {
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** {@code count} image rows of 640×480 (no files: saving annotations never reads them), in one transaction. */
    private static List<String> insertImages(BenchDatabase db, String projectId, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        db.database().jdbi().useTransaction(h -> {
            PreparedBatch b = h.prepareBatch("INSERT INTO images (id, project_id, sha256, file_name, width, height, format, orientation, "
                    + "phash, source_path, split, metadata_json, created_at) VALUES (:id, :p, :sha, :name, :w, :h, 'png', 1, 0, NULL, "
                    + "'default', '{}', :at)");
            for (int i = 0; i < count; i++) {
                b.bind("id", ids.get(i)).bind("p", projectId).bind("sha", String.format("%064x", i)).bind("name", "image_" + i + ".png")
                        .bind("w", SavePayloads.WIDTH).bind("h", SavePayloads.HEIGHT).bind("at", (long) i).add();
            }
            b.execute();
        });
        return ids;
    }

    /** Signs in as the admin and creates an API token, as a script would. */
    private static String token(URI api) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(api + "/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow(() -> new IOException("login failed: " + login.body()))
                .split(";", 2)[0];
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(api + "/auth/tokens"))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 201) {
            throw new IOException("token creation failed: " + token.body());
        }
        return JSON.readTree(token.body()).get("token").asText();
    }

    /** Every save left exactly one history row: the versions of all sets add up to the history's size. */
    private static void checkHistory(BenchDatabase db) {
        db.database().jdbi().useHandle(h -> {
            long versions = h.createQuery("SELECT COALESCE(SUM(version), 0) FROM annotation_sets").mapTo(Long.class).one();
            long rows = h.createQuery("SELECT COUNT(*) FROM annotation_history").mapTo(Long.class).one();
            if (versions != rows) {
                throw new IllegalStateException("the sets' versions add up to " + versions + " but the history has " + rows + " rows");
            }
        });
    }
}
