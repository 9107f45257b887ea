package dev.annota.spark;

import dev.annota.core.error.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * An image manifest: a CSV file with a header row, or Parquet (a {@code .parquet} file or a folder of them), with
 * the columns {@code path} (or {@code uri}) — a file path (relative to the manifest's folder), a {@code file:} URI,
 * or a URI of a Hadoop file system of the cluster — and optionally {@code id} (default: the path) and
 * {@code label} (the true class, for {@code spark eval}). Other columns are ignored.
 */
public final class Manifest {
    private Manifest() {
    }

    /** The manifest as rows of {@code (id, path, label)}, strings; a missing path is read as "" (an error row). */
    public static Dataset<Row> read(SparkSession spark, Path manifest) {
        checkExists(manifest);
        Dataset<Row> raw = isParquet(manifest) ? spark.read().parquet(manifest.toString())
                : spark.read().option("header", "true").option("mode", "FAILFAST").csv(manifest.toString());
        List<String> columns = Arrays.stream(raw.columns()).map(c -> c.toLowerCase(Locale.ROOT)).toList();
        String pathColumn = columns.contains("path") ? "path" : columns.contains("uri") ? "uri" : null;
        if (pathColumn == null) {
            throw ValidationException.of("--manifest", manifest + " columns " + columns,
                    "expected a column 'path' (or 'uri') and optionally 'id' and 'label'");
        }
        Column path = functions.coalesce(raw.col(pathColumn).cast("string"), functions.lit(""));
        Column id = columns.contains("id") ? functions.coalesce(raw.col("id").cast("string"), path) : path;
        Column label = columns.contains("label") ? raw.col("label").cast("string") : functions.lit(null).cast("string");
        return raw.select(id.as("id"), path.as("path"), label.as("label"));
    }

    /** Refuses a manifest path that does not exist (before a Spark session is started for it). */
    public static void checkExists(Path manifest) {
        if (!Files.exists(manifest)) {
            throw ValidationException.of("--manifest", manifest.toString(), "expected an existing CSV or Parquet manifest");
        }
    }

    /** Whether the manifest's label column is present (eval needs it). */
    public static boolean hasLabels(Dataset<Row> manifest) {
        return manifest.filter(manifest.col("label").isNotNull()).limit(1).count() > 0;
    }

    static boolean isParquet(Path manifest) {
        String name = manifest.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".parquet")) {
            return true;
        }
        if (!Files.isDirectory(manifest)) {
            return false;
        }
        try (var files = Files.list(manifest)) {
            return files.anyMatch(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".parquet"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(manifest + ": " + e.getMessage(), e);
        }
    }
}
