package dev.annota.cli;

import dev.annota.core.error.ValidationException;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import dev.annota.infer.Predictor;
import dev.annota.infer.PredictorOptions;
import dev.annota.infer.serve.ModelServer;
import dev.annota.infer.serve.ServeOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code annota serve-model}: the lean inference server of annota-infer (no database), until SIGTERM or Ctrl-C. */
@Command(name = "serve-model", mixinStandardHelpOptions = true,
        description = {"Serve one ONNX model over HTTP, with no database: POST /v1/predict (an image as",
                "application/octet-stream or image/*, or several as multipart/form-data; ?top=K&threshold=T)",
                "answers in the JSON of 'annota predict --json'; GET /health, /ready, /metrics (Prometheus; ?format=json).",
                "Concurrent requests are batched when the model's batch axis is dynamic. SIGTERM or Ctrl-C stops",
                "it after the requests in flight. See README, \"Models and inference\"."})
final class ServeModelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "Model folder, .onnx file or model.json.")
    Path model;

    @Option(names = "--port", paramLabel = "P", defaultValue = "8090", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = "127.0.0.1",
            description = "Address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--max-batch", paramLabel = "N", defaultValue = "8", description = "Most images in one run (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-delay-ms", paramLabel = "D", defaultValue = "5",
            description = "How long the first image of a batch waits for more (default: ${DEFAULT-VALUE}).")
    long maxDelayMs;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "0", description = "ONNX Runtime threads per run (0: one per core).")
    int threads;

    @Option(names = "--runners", paramLabel = "R", defaultValue = "0",
            description = "Concurrent model runs (0: 1 for a batching model, 2 otherwise).")
    int runners;

    @Option(names = "--max-bytes", paramLabel = "SIZE", defaultValue = "32MiB", description = "Largest request body (default: ${DEFAULT-VALUE}).")
    String maxBytes;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "50000000",
            description = "Most pixels per request, read from image headers before decoding (default: ${DEFAULT-VALUE}).")
    long maxPixels;

    @Override
    public Integer call() throws IOException, InterruptedException {
        ServeOptions options = options();
        if (threads < 0) {
            throw ValidationException.of("--threads", threads, "expected 0 (one per core) or more threads");
        }
        ModelPackage pkg = ModelPackages.resolve(model);
        PrintWriter out = spec.commandLine().getOut();
        try (Predictor predictor = Predictor.load(pkg, new PredictorOptions(threads, options.maxBatch()))) {
            ModelServer server;
            try {
                server = ModelServer.start(predictor, options);
            } catch (BindException e) {
                throw ValidationException.of("--port", port, "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
            }
            Thread hook = new Thread(server::close, "annota-serve-model-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("Serving " + pkg.name() + " (" + pkg.source() + (predictor.batches() ? ", batches up to " + options.maxBatch()
                    : ", one image per run") + ") at " + server.uri() + "  (POST /v1/predict; GET /health, /ready, /metrics)");
            out.println("Press Ctrl-C to stop.");
            out.flush();
            server.awaitClose();
        }
        return 0;
    }

    ServeOptions options() {
        ServeCommand.checkedPort(port);
        ServeCommand.checkedHost(host);
        if (maxBatch < 1 || maxBatch > 4096) {
            throw ValidationException.of("--max-batch", maxBatch, "expected 1 to 4096 images");
        }
        if (maxDelayMs < 0 || maxDelayMs > 10_000) {
            throw ValidationException.of("--max-delay-ms", maxDelayMs, "expected 0 to 10000 milliseconds");
        }
        if (runners < 0 || runners > 256) {
            throw ValidationException.of("--runners", runners, "expected 0 (automatic) to 256");
        }
        if (maxPixels < 1) {
            throw ValidationException.of("--max-pixels", maxPixels, "expected a positive number of pixels");
        }
        long bytes = Args.bytes("--max-bytes", maxBytes);
        if (bytes < 1024 || bytes > Integer.MAX_VALUE - 16) {
            throw ValidationException.of("--max-bytes", maxBytes, "expected 1KiB to 2GiB");
        }
        return ServeOptions.defaults().withHost(host).withPort(port).withBatching(maxBatch, Duration.ofMillis(maxDelayMs))
                .withRunners(runners).withLimits(bytes, maxPixels);
    }
}
