package dev.annota.infer.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * What {@link ModelServer} counts: requests by path and status, prediction latency (a cumulative histogram for
 * Prometheus, and p50/p90/p99 over the last {@value #WINDOW} predictions), images, batch sizes, queue depth
 * and requests in flight. Rendered as Prometheus text (version 0.0.4) or JSON. Thread-safe.
 */
public final class ServeMetrics {
    static final int WINDOW = 8192;
    /** Histogram bucket upper bounds, seconds. */
    private static final double[] LATENCY_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final AtomicLongArray latencyBuckets = new AtomicLongArray(LATENCY_BUCKETS.length + 1);
    private final LongAdder latencyNanos = new LongAdder();
    private final LongAdder latencyCount = new LongAdder();
    private final long[] window = new long[WINDOW];
    private long windowed;
    private final AtomicLongArray batchSizes;
    private final LongAdder images = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final IntSupplier queueDepth;
    private final String model;
    private final String source;
    private final boolean batching;
    private volatile boolean ready;

    ServeMetrics(String model, String source, boolean batching, int maxBatch, IntSupplier queueDepth) {
        this.model = model;
        this.source = source;
        this.batching = batching;
        this.batchSizes = new AtomicLongArray(maxBatch + 1);
        this.queueDepth = queueDepth;
    }

    void request(String path, int status) {
        requests.computeIfAbsent(path + " " + status, k -> new LongAdder()).increment();
    }

    void predicted(long nanos, int imageCount) {
        images.add(imageCount);
        latencyNanos.add(nanos);
        latencyCount.increment();
        double s = nanos / 1e9;
        int b = 0;
        while (b < LATENCY_BUCKETS.length && s > LATENCY_BUCKETS[b]) {
            b++;
        }
        latencyBuckets.incrementAndGet(b);
        synchronized (window) {
            window[(int) (windowed++ % WINDOW)] = nanos;
        }
    }

    void batch(int size) {
        batchSizes.incrementAndGet(Math.min(size, batchSizes.length() - 1));
    }

    void enter() {
        inFlight.incrementAndGet();
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    void ready(boolean r) {
        ready = r;
    }

    /** Requests answered with {@code status} on {@code path} so far. */
    public long requests(String path, int status) {
        LongAdder a = requests.get(path + " " + status);
        return a == null ? 0 : a.sum();
    }

    /** How many batches of each size ran: index = batch size. */
    public long[] batchSizes() {
        long[] out = new long[batchSizes.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = batchSizes.get(i);
        }
        return out;
    }

    /** Latency quantile {@code q} (0–1) over the recent window, in seconds; 0 before any prediction. */
    public double latencyQuantile(double q) {
        long[] recent;
        synchronized (window) {
            recent = Arrays.copyOf(window, (int) Math.min(windowed, WINDOW));
        }
        if (recent.length == 0) {
            return 0;
        }
        Arrays.sort(recent);
        int i = (int) Math.ceil(q * recent.length) - 1;
        return recent[Math.max(0, Math.min(recent.length - 1, i))] / 1e9;
    }

    /** Prometheus text exposition format 0.0.4. */
    public String prometheus() {
        StringBuilder b = new StringBuilder();
        b.append("# HELP annota_serve_model_info The model being served.\n# TYPE annota_serve_model_info gauge\n");
        b.append("annota_serve_model_info{model=\"").append(escape(model)).append("\",source=\"").append(escape(source))
                .append("\",batching=\"").append(batching).append("\"} 1\n");
        b.append("# HELP annota_serve_ready 1 once the model is loaded and warmed up, 0 while warming up or shutting down.\n");
        b.append("# TYPE annota_serve_ready gauge\nannota_serve_ready ").append(ready ? 1 : 0).append('\n');
        b.append("# HELP annota_serve_requests_total HTTP requests by path and status.\n# TYPE annota_serve_requests_total counter\n");
        for (Map.Entry<String, Long> e : sortedRequests().entrySet()) {
            String[] ps = e.getKey().split(" ");
            b.append("annota_serve_requests_total{path=\"").append(escape(ps[0])).append("\",status=\"").append(ps[1])
                    .append("\"} ").append(e.getValue()).append('\n');
        }
        b.append("# HELP annota_serve_request_duration_seconds Time to answer a successful POST /v1/predict.\n");
        b.append("# TYPE annota_serve_request_duration_seconds histogram\n");
        long cumulative = 0;
        for (int i = 0; i <= LATENCY_BUCKETS.length; i++) {
            cumulative += latencyBuckets.get(i);
            String le = i < LATENCY_BUCKETS.length ? num(LATENCY_BUCKETS[i]) : "+Inf";
            b.append("annota_serve_request_duration_seconds_bucket{le=\"").append(le).append("\"} ").append(cumulative).append('\n');
        }
        b.append("annota_serve_request_duration_seconds_sum ").append(num(latencyNanos.sum() / 1e9)).append('\n');
        b.append("annota_serve_request_duration_seconds_count ").append(latencyCount.sum()).append('\n');
        b.append("# HELP annota_serve_request_latency_seconds Quantiles of the same over the last ").append(WINDOW)
                .append(" predictions.\n# TYPE annota_serve_request_latency_seconds summary\n");
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            b.append("annota_serve_request_latency_seconds{quantile=\"").append(num(q)).append("\"} ")
                    .append(num(latencyQuantile(q))).append('\n');
        }
        b.append("annota_serve_request_latency_seconds_sum ").append(num(latencyNanos.sum() / 1e9)).append('\n');
        b.append("annota_serve_request_latency_seconds_count ").append(latencyCount.sum()).append('\n');
        b.append("# HELP annota_serve_images_total Images predicted.\n# TYPE annota_serve_images_total counter\n");
        b.append("annota_serve_images_total ").append(images.sum()).append('\n');
        b.append("# HELP annota_serve_batch_size Images per model run.\n# TYPE annota_serve_batch_size histogram\n");
        long[] sizes = batchSizes();
        long count = 0;
        long sum = 0;
        int max = sizes.length - 1;
        for (int s = 1, le = 1; s <= max; s++) {
            count += sizes[s];
            sum += sizes[s] * s;
            if (s == le || s == max) {
                b.append("annota_serve_batch_size_bucket{le=\"").append(s).append("\"} ").append(count).append('\n');
                le = s == le ? le * 2 : le;
            }
        }
        b.append("annota_serve_batch_size_bucket{le=\"+Inf\"} ").append(count).append('\n');
        b.append("annota_serve_batch_size_sum ").append(sum).append('\n');
        b.append("annota_serve_batch_size_count ").append(count).append('\n');
        b.append("# HELP annota_serve_queue_depth Images waiting for the model.\n# TYPE annota_serve_queue_depth gauge\n");
        b.append("annota_serve_queue_depth ").append(queueDepth.getAsInt()).append('\n');
        b.append("# HELP annota_serve_in_flight_requests Requests being answered.\n# TYPE annota_serve_in_flight_requests gauge\n");
        b.append("annota_serve_in_flight_requests ").append(inFlight.get()).append('\n');
        return b.toString();
    }

    /** The same figures as one JSON object (latencies in milliseconds). */
    public ObjectNode json() {
        ObjectNode o = MAPPER.createObjectNode();
        o.putObject("model").put("name", model).put("source", source).put("batching", batching);
        o.put("ready", ready);
        ObjectNode req = o.putObject("requests");
        for (Map.Entry<String, Long> e : sortedRequests().entrySet()) {
            String[] ps = e.getKey().split(" ");
            ObjectNode byPath = req.has(ps[0]) ? (ObjectNode) req.get(ps[0]) : req.putObject(ps[0]);
            byPath.put(ps[1], e.getValue());
        }
        ObjectNode lat = o.putObject("latency_ms");
        long n = latencyCount.sum();
        lat.put("count", n);
        lat.put("mean", n == 0 ? 0 : latencyNanos.sum() / 1e6 / n);
        lat.put("p50", latencyQuantile(0.5) * 1e3);
        lat.put("p90", latencyQuantile(0.9) * 1e3);
        lat.put("p99", latencyQuantile(0.99) * 1e3);
        o.put("images", images.sum());
        ObjectNode batches = o.putObject("batch_sizes");
        long[] sizes = batchSizes();
        for (int s = 1; s < sizes.length; s++) {
            if (sizes[s] > 0) {
                batches.put(Integer.toString(s), sizes[s]);
            }
        }
        o.put("queue_depth", queueDepth.getAsInt());
        o.put("in_flight", inFlight.get());
        return o;
    }

    private Map<String, Long> sortedRequests() {
        Map<String, Long> m = new TreeMap<>();
        requests.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%s", v);
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
