package dev.annota.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.annota.core.error.ValidationException;
import dev.annota.infer.ModelPackage;
import dev.annota.infer.ModelPackages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Runs a job: reads the manifest, numbers its rows (the COCO image ids), spreads them over partitions, runs
 * {@link PartitionRunner} in each ({@code mapPartitions}; the model loaded once per executor JVM), and writes into
 * {@code out}: {@code predictions/} and {@code errors/} (Parquet, {@link ResultSchema}), {@code coco/} for
 * prelabel and eval ({@link CocoOutput}), {@code eval.json} for eval, and {@code job.json} (the report).
 */
public final class SparkJobs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_ERRORS = 20;

    private SparkJobs() {
    }

    /**
     * @param partitions how many partitions the manifest is spread over; 0 chooses four per core of the cluster
     */
    public static JobReport run(SparkSession spark, JobSpec spec, Path manifestFile, Path out, int partitions) throws IOException {
        long start = System.nanoTime();
        ModelPackage pkg = ModelCache.resolve(spec);
        checkOut(out);
        Dataset<Row> manifest = Manifest.read(spark, manifestFile);
        if (spec.kind() == JobKind.EVAL && !Manifest.hasLabels(manifest)) {
            throw ValidationException.of("--manifest", manifestFile.toString(), "expected a 'label' column (the true class) for spark eval");
        }
        int n = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
        JavaRDD<Tuple2<Row, Long>> indexed = manifest.javaRDD().zipWithIndex().repartition(n).rdd().toJavaRDD();
        Dataset<Row> all = spark.createDataFrame(indexed.mapPartitions(new PartitionRunner(spec)), ResultSchema.ROW)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            Dataset<Row> predictions = all.filter(all.col(ResultSchema.ERROR).isNull()).selectExpr(ResultSchema.PREDICTION_COLUMNS);
            Dataset<Row> errors = all.filter(all.col(ResultSchema.ERROR).isNotNull()).selectExpr(ResultSchema.ERROR_COLUMNS);
            predictions.write().parquet(out.resolve("predictions").toString());
            errors.write().parquet(out.resolve("errors").toString());
            long images = predictions.count();
            long bad = errors.count();
            List<String> first = errors.orderBy("image_id").limit(FIRST_ERRORS).collectAsList().stream()
                    .map(r -> r.getString(2) + ": " + r.getString(3)).toList();
            Dataset<Row> written = spark.read().parquet(out.resolve("predictions").toString());
            long results = spec.kind() == JobKind.EMBED ? 0
                    : CocoOutput.write(written, pkg.labels(), pkg.name(), out.resolve("coco"));
            Optional<EvalSummary> eval = spec.kind() == JobKind.EVAL ? Optional.of(EvalSummary.of(written)) : Optional.empty();
            if (eval.isPresent()) {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("eval.json").toFile(), eval.get().toJson());
            }
            JobReport report = new JobReport(spec.kind(), pkg.name(), pkg.source(), ModelPackages.sha256(pkg.modelFile()),
                    spark.sparkContext().master(), out.toAbsolutePath().toString(), images, bad, first, results,
                    (System.nanoTime() - start) / 1e9, eval);
            JSON.writerWithDefaultPrettyPrinter().writeValue(out.resolve("job.json").toFile(), report.toJson());
            return report;
        } finally {
            all.unpersist();
        }
    }

    private static void checkOut(Path out) throws IOException {
        if (Files.isRegularFile(out)) {
            throw ValidationException.of("--out", out.toString(), "expected a folder (new or empty), not a file");
        }
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    throw ValidationException.of("--out", out.toString(), "expected a new or empty folder (this one holds files)");
                }
            }
            Files.delete(out);
        }
    }
}
