package dev.annota.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns a job writes. {@code predictions/} (Parquet), one row per image that was read:
 * <pre>
 * image_id   long    the image's COCO id in coco/ (its 1-based row in the manifest)
 * id         string  the manifest's id
 * path       string  the manifest's path or URI
 * label      string  the manifest's label column (eval; null when absent)
 * sha256     string  of the file's bytes (the importer matches project images by it)
 * width      int     upright width in pixels
 * height     int     upright height
 * classes    array&lt;struct&lt;label_index int, label string, score double&gt;&gt;   classifiers: top-k, best first
 * detections array&lt;struct&lt;label_index int, label string, score double, x double, y double, w double, h double&gt;&gt;
 *                    detectors: pixel boxes of the upright image, best first
 * embedding  array&lt;float&gt;  embed jobs only (null otherwise)
 * </pre>
 * {@code errors/} (Parquet): {@code image_id, id, path, error} for each row that could not be read or decoded.
 */
public final class ResultSchema {
    static final String ERROR = "error";

    public static final StructType CLASS = new StructType()
            .add("label_index", DataTypes.IntegerType, false)
            .add("label", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false);

    public static final StructType DETECTION = new StructType()
            .add("label_index", DataTypes.IntegerType, false)
            .add("label", DataTypes.StringType, false)
            .add("score", DataTypes.DoubleType, false)
            .add("x", DataTypes.DoubleType, false)
            .add("y", DataTypes.DoubleType, false)
            .add("w", DataTypes.DoubleType, false)
            .add("h", DataTypes.DoubleType, false);

    /** Every column a partition produces: the predictions' and {@code error} (null when the image was read). */
    static final StructType ROW = new StructType(new StructField[] {
        new StructField("image_id", DataTypes.LongType, false, org.apache.spark.sql.types.Metadata.empty()),
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("path", DataTypes.StringType, false),
        DataTypes.createStructField("label", DataTypes.StringType, true),
        DataTypes.createStructField(ERROR, DataTypes.StringType, true),
        DataTypes.createStructField("sha256", DataTypes.StringType, true),
        DataTypes.createStructField("width", DataTypes.IntegerType, true),
        DataTypes.createStructField("height", DataTypes.IntegerType, true),
        DataTypes.createStructField("classes", new ArrayType(CLASS, false), true),
        DataTypes.createStructField("detections", new ArrayType(DETECTION, false), true),
        DataTypes.createStructField("embedding", new ArrayType(DataTypes.FloatType, false), true),
    });

    /** The columns of {@code predictions/}. */
    public static final String[] PREDICTION_COLUMNS = {"image_id", "id", "path", "label", "sha256", "width", "height",
        "classes", "detections", "embedding"};

    /** The columns of {@code errors/}. */
    public static final String[] ERROR_COLUMNS = {"image_id", "id", "path", ERROR};

    private ResultSchema() {
    }
}
