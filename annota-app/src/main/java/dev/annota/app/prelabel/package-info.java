/**
 * Pre-labelling: a project's model ({@link dev.annota.app.models.ProjectModelLinks}) run over the project, or the
 * images a filter selects, as an operation of kind {@code prelabel} ({@link dev.annota.app.prelabel.Prelabel}).
 * {@link dev.annota.app.prelabel.PrelabelPipeline} overlaps reading, decoding and preprocessing (a bounded pool
 * of producer threads) with batched inference and storing (the consumer); results are stored as suggestions,
 * one transaction per batch. {@link dev.annota.app.prelabel.PrelabelKind} resumes a job after a crash, skipping
 * the images the model version already ran on.
 */
package dev.annota.app.prelabel;
