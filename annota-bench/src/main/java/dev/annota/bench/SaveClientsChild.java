package dev.annota.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The load generator of {@link ServerSaveBench} in its own JVM, so that its CPU is not the server's:
 * {@code SaveClientsChild API TOKEN IMAGES_FILE LABEL CLIENTS SECONDS}. Runs {@link SaveClients} as a warm-up (not
 * counted) until the parent writes a line to its standard input (the parent decides when the server is warm),
 * then prints the line {@value #MEASURING} as the measured run starts (the parent starts its CPU clocks then), and
 * after it one JSON line: saves, conflicts, errors, wall seconds, p50/p99/max latency in ms, and the CPU this
 * process spent during the measured run.
 */
public final class SaveClientsChild {
    static final String MEASURING = "measuring";

    private SaveClientsChild() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        URI api = URI.create(args[0]);
        String token = args[1];
        List<String> images = Files.readAllLines(Path.of(args[2]));
        int label = Integer.parseInt(args[3]);
        int clients = Integer.parseInt(args[4]);
        double seconds = Double.parseDouble(args[5]);
        SaveClients load = new SaveClients(api, token, images, new SavePayloads(label, 7));
        AtomicBoolean warming = new AtomicBoolean(true);
        Thread warmUp = new Thread(() -> {
            try {
                load.run(clients, warming::get, 1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "warm-up");
        warmUp.start();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        warming.set(false);
        warmUp.join();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println(MEASURING);
        System.out.flush();
        long cpu0 = os.getProcessCpuTime();
        SaveClients.Outcome o = load.run(clients, seconds, 2);
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
        System.out.println(String.format(Locale.ROOT,
                "{\"saves\":%d,\"conflicts\":%d,\"errors\":%d,\"seconds\":%.3f,\"p50_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,\"cpu_ms\":%.1f}",
                o.saves(), o.conflicts(), o.errors(), o.seconds(), o.latency().p50Ms(), o.latency().p99Ms(), o.latency().maxMs(), cpuMs));
        System.out.flush();
    }
}
