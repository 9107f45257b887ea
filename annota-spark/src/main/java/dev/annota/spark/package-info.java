/**
 * Spark batch jobs over annota-infer and annota-formats: {@link dev.annota.spark.SparkJobs} runs pre-labelling,
 * embedding or evaluation over an image {@link dev.annota.spark.Manifest} with {@code mapPartitions}
 * ({@link dev.annota.spark.PartitionRunner}; the model loaded once per executor JVM by
 * {@link dev.annota.spark.ModelCache}) and writes Parquet ({@link dev.annota.spark.ResultSchema}), COCO results
 * ({@link dev.annota.spark.CocoOutput}) and a report ({@link dev.annota.spark.JobReport}).
 * {@link dev.annota.spark.SparkMain} is the command line ({@code ./annota spark ...} or {@code spark-submit}); the
 * import into a project lives in annota-app ({@code dev.annota.app.prelabel.ImportResults}), since this module
 * may not depend on it.
 */
package dev.annota.spark;
