package dev.annota.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.annota.core.item.Dataset;
import dev.annota.core.item.Item;
import dev.annota.formats.DatasetFormat;
import dev.annota.formats.ErrorPolicy;
import dev.annota.formats.Formats;
import dev.annota.formats.ImportReport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One measured run of {@link CocoScaleBench}, in its own JVM (started with {@code -Xmx512m}):
 * {@code CocoScaleChild MODE JSON OUT} where MODE is {@code baseline} (Jackson streaming read of every token
 * of JSON, copied event by event to OUT), {@code import} (the COCO reader and one full pass over the items)
 * or {@code export} (the same read, then the COCO writer into the folder OUT); or
 * {@code CocoScaleChild db-export URL USER DATA_DIR PROJECT OUT}: a project's COCO export from a database
 * ({@link DbScaleExport}). Prints one JSON line:
 * wall seconds, CPU seconds (the whole process, and the main thread alone: on a shared, loaded machine
 * CPU time is steadier than wall time), counts, and two measures of peak heap.
 *
 * <p>Peak heap is measured twice: {@code peak_pools_mb} sums the JVM's peak usage of each heap memory pool
 * (eden, survivor, old), reset just before the work; pools peak at different moments, so the sum is an upper
 * bound. {@code peak_sampled_mb} is the largest {@code totalMemory - freeMemory} a thread saw polling every
 * 5 ms, a lower bound. The true peak lies between; both must stay under the 512 MB limit, or the run fails
 * with OutOfMemoryError anyway.
 */
public final class CocoScaleChild {
    private CocoScaleChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path json = Path.of(args[1]);
        Path out = Path.of(args[args.length - 1]);
        Sampler sampler = new Sampler();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        sampler.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long thread0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long count = switch (mode) {
            case "baseline" -> copyTokens(json, out);
            case "import" -> importAll(json);
            case "export" -> exportAll(json, out);
            case "db-export" -> DbScaleExport.export(args[1], args[2], Path.of(args[3]), args[4], out);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        };
        double seconds = (System.nanoTime() - t0) / 1e9;
        double threadCpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - thread0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        sampler.interrupt();
        sampler.join();
        long pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pools += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(String.format(Locale.ROOT,
                "{\"mode\":\"%s\",\"seconds\":%.3f,\"cpu_s\":%.3f,\"thread_cpu_s\":%.3f,\"count\":%d,\"peak_pools_mb\":%.1f,\"peak_sampled_mb\":%.1f,\"max_heap_mb\":%.1f}",
                mode, seconds, cpu, threadCpu, count, pools / 1048576.0, sampler.peak / 1048576.0,
                Runtime.getRuntime().maxMemory() / 1048576.0));
    }

    /** Every token of the file, written again as the same events. Returns the number of tokens. */
    static long copyTokens(Path json, Path out) throws IOException {
        JsonFactory f = new JsonFactory();
        long tokens = 0;
        try (JsonParser p = f.createParser(json.toFile());
             JsonGenerator g = f.createGenerator(out.toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                g.copyCurrentEvent(p);
                tokens++;
            }
        }
        return tokens;
    }

    /** Reads the dataset and passes over every item. Returns the number of annotations. */
    static long importAll(Path json) throws IOException {
        Dataset d = coco().reader().orElseThrow().read(json, new ImportReport(ErrorPolicy.COLLECT));
        try (Stream<Item> items = d.items()) {
            return items.mapToLong(i -> i.annotations().size()).sum();
        }
    }

    /** Reads the dataset and writes it as COCO into {@code out}. Returns the number of problems reported. */
    static long exportAll(Path json, Path out) throws IOException {
        ImportReport report = new ImportReport(ErrorPolicy.COLLECT);
        Dataset d = coco().reader().orElseThrow().read(json, report);
        coco().writer().orElseThrow().write(d, out, report);
        return report.problems().size();
    }

    private static DatasetFormat coco() {
        return Formats.standard().get("coco");
    }

    /** Polls the used heap. */
    private static final class Sampler extends Thread {
        volatile long peak;

        Sampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            Runtime rt = Runtime.getRuntime();
            while (!isInterrupted()) {
                long used = rt.totalMemory() - rt.freeMemory();
                if (used > peak) {
                    peak = used;
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
