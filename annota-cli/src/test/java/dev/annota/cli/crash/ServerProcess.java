package dev.annota.cli.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Annota server running in a child JVM with the test classpath: started with a main class and its
 * arguments, ready once it prints "Annota is running at URL", and killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) — no shutdown hook, no flush, exactly like {@code kill -9}.
 * Its output goes to a log file that failures quote.
 */
final class ServerProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final Pattern RUNNING = Pattern.compile("Annota is running at (http://\\S+?)/?\\s");

    private final Process process;
    private final Path log;
    private final URI api;

    private ServerProcess(Process process, Path log, URI api) {
        this.process = process;
        this.log = log;
        this.api = api;
    }

    /** Starts {@code mainClass args...} and waits (at most a minute) until it serves. */
    static ServerProcess start(Path logDir, String mainClass, List<String> args) {
        try {
            Files.createDirectories(logDir);
            Path log = Files.createTempFile(logDir, "server-", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), mainClass));
            command.addAll(args);
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("ANNOTA_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Process p = pb.start();
            CompletableFuture<URI> ready = new CompletableFuture<>();
            Thread pump = new Thread(() -> pump(p, log, ready), "server-output");
            pump.setDaemon(true);
            pump.start();
            try {
                return new ServerProcess(p, log, ready.get(60, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
                throw new AssertionError("the server did not start: " + e + "\n" + Files.readString(log), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Copies the child's output to the log and completes {@code ready} with the API URL once it is printed. */
    private static void pump(Process p, Path log, CompletableFuture<URI> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(line);
                out.newLine();
                out.flush();
                Matcher m = RUNNING.matcher(line + " ");
                if (m.find()) {
                    ready.complete(URI.create(m.group(1) + "/api/v1"));
                }
            }
            ready.completeExceptionally(new IllegalStateException("the server exited with " + p.waitFor()));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The API base, like {@code http://localhost:PORT/api/v1}. */
    URI api() {
        return api;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server did not die after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }
}
