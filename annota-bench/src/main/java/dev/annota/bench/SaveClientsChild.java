package dev.annota.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The load generator of {@link ServerSaveBench} in its own JVM, so that its CPU is not the server's:
 * {@code SaveClientsChild API TOKEN IMAGES_FILE LABEL CLIENTS WARM_UP_S SECONDS}. Runs {@link SaveClients} for the
 * warm-up (not counted), prints the line {@value #MEASURING} the moment the measured run starts (the parent starts
 * its CPU clocks then), and after it one JSON line: saves, conflicts, errors, wall seconds, p50/p99/max latency in
 * ms, and the CPU this process spent during the measured run.
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
        double warmUp = Double.parseDouble(args[5]);
        double seconds = Double.parseDouble(args[6]);
        SaveClients load = new SaveClients(api, token, images, new SavePayloads(label, 7));
        load.run(clients, warmUp, 1);
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
