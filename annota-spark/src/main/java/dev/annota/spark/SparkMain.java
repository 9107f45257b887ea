package dev.annota.spark;

import dev.annota.core.error.AnnotaException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code annota spark prelabel|embed|eval}: the entry point of {@code annota-spark.jar}, run by the {@code ./annota}
 * launcher (local mode) or by {@code spark-submit --class dev.annota.spark.SparkMain} on a cluster. A user mistake
 * (a bad manifest, model or option) exits with 2 and one line naming it.
 */
@Command(name = "annota spark", mixinStandardHelpOptions = true, description = {"Batch jobs on Apache Spark over an image manifest",
        "(CSV with a header, or Parquet: columns path or uri, optional id and label). Outputs: OUT/predictions and",
        "OUT/errors (Parquet), OUT/coco/results.json + images.json, OUT/job.json (and OUT/eval.json for eval)."},
        subcommands = {SparkMain.Prelabel.class, SparkMain.Embed.class, SparkMain.Eval.class, CommandLine.HelpCommand.class})
public final class SparkMain implements Runnable {
    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line on the console; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line printing to {@code out} and {@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new SparkMain()).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable root = userError(e);
            if (root instanceof AnnotaException) {
                line.getErr().println("annota spark: " + root.getMessage());
                return 2;
            }
            line.getErr().println("annota spark: " + e);
            e.printStackTrace(line.getErr());
            return 1;
        });
        return cli.execute(args);
    }

    /** The user's mistake inside a failure, when there is one (Spark wraps what a task threw). */
    private static Throwable userError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AnnotaException) {
                return t;
            }
        }
        return e;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** The options every job takes. */
    abstract static class JobCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;
        @Option(names = "--manifest", required = true, paramLabel = "M", description = "CSV or Parquet manifest.")
        Path manifest;
        @Option(names = "--model", required = true, paramLabel = "DIR", description = "Model folder, .onnx file or model.json (the same path on every executor).")
        Path model;
        @Option(names = "--out", required = true, paramLabel = "O", description = "Output folder (new or empty).")
        Path out;
        @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: spark-submit's, else local[*]).")
        Optional<String> master;
        @Option(names = "--partitions", paramLabel = "N", defaultValue = "0", description = "Partitions (default: 4 per core).")
        int partitions;
        @Option(names = "--batch", paramLabel = "B", defaultValue = "8", description = "Images per model run in a partition (default: 8).")
        int batch;
        @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "ONNX Runtime threads per task (default: 1; Spark runs a task per core).")
        int threads;
        @Option(names = "--top", paramLabel = "K", defaultValue = "0", description = "Classes or detections kept per image (default: the model's).")
        int top;
        @Option(names = "--threshold", paramLabel = "T", description = "Drop results scoring below T, 0-1 (default: the model's).")
        Optional<Double> threshold;
        @Option(names = "--json", description = "Print the report as one JSON document on stdout.")
        boolean json;

        abstract JobKind kind();

        @Override
        public Integer call() throws IOException {
            JobSpec job = new JobSpec(kind(), model.toAbsolutePath().toString(), manifest.toAbsolutePath().getParent().toString(),
                    batch, top, threshold.orElse(-1.0), threads);
            if (threshold.isPresent() && !(threshold.get() >= 0)) {
                throw dev.annota.core.error.ValidationException.of("--threshold", threshold.get(), "expected a score from 0 to 1");
            }
            ModelCache.resolve(job); // a wrong model path fails here, before Spark starts
            Manifest.checkExists(manifest);
            SparkSession spark = session(master, "annota-" + kind().id());
            try {
                JobReport report = SparkJobs.run(spark, job, manifest, out, partitions);
                PrintWriter stdout = spec.commandLine().getOut();
                stdout.println(json ? report.toJson().toString() : report.message());
                stdout.flush();
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    /** A session on {@code master}, spark-submit's, or local[*]; the web UI off for local runs. */
    static SparkSession session(Optional<String> master, String name) {
        SparkSession.Builder b = SparkSession.builder().appName(name);
        String m = master.orElse(System.getProperty("spark.master", "local[*]"));
        b.master(m);
        if (m.startsWith("local")) {
            b.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8");
        }
        return b.getOrCreate();
    }

    @Command(name = "prelabel", mixinStandardHelpOptions = true, description = "Classes (top-k) or detections for every image.")
    static final class Prelabel extends JobCommand {
        @Override
        JobKind kind() {
            return JobKind.PRELABEL;
        }
    }

    @Command(name = "embed", mixinStandardHelpOptions = true, description = "A feature vector for every image (OUT/predictions, column embedding).")
    static final class Embed extends JobCommand {
        @Override
        JobKind kind() {
            return JobKind.EMBED;
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true, description = "Classification accuracy against the manifest's label column (OUT/eval.json).")
    static final class Eval extends JobCommand {
        @Override
        JobKind kind() {
            return JobKind.EVAL;
        }
    }
}
